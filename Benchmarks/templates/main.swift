// The driver Benchmarks/templates.sh builds next to a copy of the theme's renderer. It renders one
// template ROUNDS × RENDERS times and prints the median and fastest microseconds per page twice: from
// the recorded context's template value (the renderer alone), and from a typed context shaped like
// the page's (Contexts.swift, made by contexts.py), building its template value each time as the site
// does: with TemplateEncoder where the renderer has one (ENCODER), by hand-written values otherwise.
// It writes the page once to OUTPUT so the script can check both renderers wrote the same.
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 7, let renders = Int(arguments[4]), let rounds = Int(arguments[5]) else {
    fatalError("usage: bench THEME_DIR CONTEXT.json TEMPLATE RENDERS ROUNDS OUTPUT")
}
let library = try TemplateLibrary(directory: arguments[1])
let data = try Data(contentsOf: URL(fileURLWithPath: arguments[2]))
let json = try JSONDecoder().decode(JSONFixture.self, from: data)
let typed = try JSONDecoder().decode(Context0.self, from: data)
guard let context = try TemplateValue.from(json: json), let page = library.render(context, template: arguments[3])
else { fatalError("no such template, or an empty context") }
try Data(page).write(to: URL(fileURLWithPath: arguments[6]))

func templateValue(_ typed: Context0) -> TemplateValue {
    #if ENCODER
        TemplateEncoder.encode(typed)
    #else
        typed.templateValue
    #endif
}
guard library.render(templateValue(typed), template: arguments[3]) == page else {
    fatalError("the typed context renders another page than the recorded one")
}

/// Median and fastest microseconds per page.
func time(_ render: () -> Int) -> (Double, Double) {
    var bytes = 0
    var microseconds: [Double] = []
    for _ in 0..<rounds {
        let start = ContinuousClock.now
        for _ in 0..<renders { bytes &+= render() }
        let elapsed = start.duration(to: .now).components
        microseconds.append((Double(elapsed.seconds) * 1e6 + Double(elapsed.attoseconds) / 1e12) / Double(renders))
    }
    precondition(bytes > 0)
    microseconds.sort()
    return (microseconds[rounds / 2], microseconds[0])
}

let rendered = time { library.render(context, template: arguments[3])?.count ?? 0 }
let built = time { library.render(templateValue(typed), template: arguments[3])?.count ?? 0 }
print(String(format: "%.2f %.2f %d %.2f %.2f", rendered.0, rendered.1, page.count, built.0, built.1))
