#!/usr/bin/env python3
"""Writes differential.json: seeded random Markdown documents with cmark-gfm's HTML for each.

The Swift test DifferentialTests renders the same inputs and reports how often it agrees with cmark-gfm
(0.29.0.gfm.13, through /work/shared/tools/cmark-oracle.py's library API). Half the documents use plain
CommonMark, half the GFM extensions that MarkdownOptions.gfm turns on.

Run from the repository root with the oracle's Python:
    /opt/newsval/venv/bin/python Tests/MastheadMarkdownTests/Fixtures/make-differential-fixture.py
"""
import importlib
import json
import random
import sys

sys.path.insert(0, '/work/shared/tools')
oracle = importlib.import_module('cmark-oracle')

SEED = 20261129
COUNT = 3000
GFM_EXTENSIONS = ['table', 'strikethrough', 'autolink', 'tagfilter', 'tasklist']

# Line starts and inline pieces weighted towards the constructs whose interactions are hardest.
LINE_STARTS = ['', '', '', '> ', '>> ', '- ', '* ', '+ ', '1. ', '2) ', '    ', '  ', '\t', '# ', '### ',
               '```', '~~~', '---', '***', '===', '| ', '[a]: /url ', '[^1]: ', '- [ ] ', '- [x] ', '<div>',
               '<!-- ', '  - ', '   > ']
PIECES = ['a', 'b', 'foo', 'bar baz', ' ', ' ', '  ', '*', '**', '_', '__', '~', '~~', '`', '``', '[', ']',
          '(', ')', '![', '](', '](/u "t")', '[a]', '[a][]', '<', '>', '<b>', '</b>', '<http://x.y>',
          '<a@b.co>', '&amp;', '&copy;', '&#35;', '&#x22;', '\\', '\\*', '\\_', '!', '|', ' | ', '-', ':',
          'www.example.com', 'http://example.com/a_b', 'x@y.org', '.', ',', '"', "'", '#', '$', '\u00e9',
          '\u2014', '\u00a0', '\U0001F600']


def document(rng):
    lines = []
    for _ in range(rng.randint(1, 8)):
        if rng.random() < 0.15:
            lines.append('')
            continue
        line = rng.choice(LINE_STARTS)
        for _ in range(rng.randint(0, 12)):
            line += rng.choice(PIECES)
        lines.append(line)
    text = '\n'.join(lines)
    return text + ('\n' if rng.random() < 0.8 else '')


def main():
    rng = random.Random(SEED)
    cases = []
    for index in range(COUNT):
        markdown = document(rng)
        gfm = index % 2 == 1
        html = oracle.render(markdown, extensions=GFM_EXTENSIONS if gfm else [], safe=False, to='html')
        cases.append({'markdown': markdown, 'options': 'gfm' if gfm else 'commonmark', 'html': html})
    out = {
        'description': 'Seeded random Markdown and cmark-gfm 0.29.0.gfm.13 HTML; made by make-differential-fixture.py',
        'seed': SEED,
        'cases': cases,
    }
    with open('Tests/MastheadMarkdownTests/Fixtures/differential.json', 'w') as f:
        json.dump(out, f, ensure_ascii=False, indent=0)
    print(len(cases), 'cases')


if __name__ == '__main__':
    main()
