// The driver Benchmarks/templates.sh builds next to a copy of the theme's renderer: renders one template
// against a recorded context ROUNDS × RENDERS times and prints the median and fastest microseconds per
// render, then writes the page once to OUTPUT so the script can check both renderers wrote the same.
import Foundation

let arguments = CommandLine.arguments
guard arguments.count == 7, let renders = Int(arguments[4]), let rounds = Int(arguments[5]) else {
    fatalError("usage: bench THEME_DIR CONTEXT.json TEMPLATE RENDERS ROUNDS OUTPUT")
}
let library = try TemplateLibrary(directory: arguments[1])
let json = try JSONDecoder().decode(JSONFixture.self, from: Data(contentsOf: URL(fileURLWithPath: arguments[2])))
guard let context = try TemplateValue.from(json: json), let page = library.render(context, template: arguments[3])
else { fatalError("no such template, or an empty context") }
try Data(page).write(to: URL(fileURLWithPath: arguments[6]))

var bytes = 0
var microseconds: [Double] = []
for _ in 0..<rounds {
    let start = ContinuousClock.now
    for _ in 0..<renders { bytes &+= library.render(context, template: arguments[3])?.count ?? 0 }
    let elapsed = start.duration(to: .now).components
    microseconds.append((Double(elapsed.seconds) * 1e6 + Double(elapsed.attoseconds) / 1e12) / Double(renders))
}
microseconds.sort()
print(String(format: "%.2f %.2f %d", microseconds[rounds / 2], microseconds[0], bytes / (rounds * renders)))
