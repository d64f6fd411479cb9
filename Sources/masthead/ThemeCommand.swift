import ArgumentParser
import Foundation
import MastheadWeb

/// Tools for theme authors.
struct ThemeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "theme", abstract: "Tools for a reader theme's authors.", subcommands: [ThemeCheckCommand.self])
}

/// Names every problem of a theme folder with its file and line, before a site runs it.
struct ThemeCheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Parse every template of a theme folder and name each problem with its file and line.",
        discussion: """
            Finds templates that do not parse (a section never closed, a closing tag that does not match, a \
            broken tag), partials and parents that name no template of the theme, missing page templates, and \
            names no page's context has (a field looked up where the template is rendered, inside its sections). \
            Prints one problem a line and exits with status 1 when there is any.
            """)

    @Argument(help: "The theme folder, holding layout.mustache, article.mustache and the rest.")
    var directory: String

    func run() throws {
        let problems: [ThemeProblem]
        do {
            problems = try ThemeCheck.problems(inDirectory: directory)
        } catch {
            fail("Cannot read the theme folder \(directory): \(error.localizedDescription)", status: 66)
        }
        guard problems.isEmpty else {
            for problem in problems { print("\(directory)/\(problem)") }
            fail("\(problems.count) problem\(problems.count == 1 ? "" : "s") in the theme at \(directory).")
        }
        print("The theme at \(directory) has no problems.")
    }
}
