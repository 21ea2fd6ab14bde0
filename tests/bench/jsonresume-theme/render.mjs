// SPDX-License-Identifier: GPL-3.0-or-later
// node render.mjs RESUME.json > resume.html: what `resumed render` does with
// the jsonresume-theme-even theme, without the CLI around it.
import { readFileSync } from 'node:fs'
import { render } from 'jsonresume-theme-even'

const resume = JSON.parse(readFileSync(process.argv[2], 'utf8'))
process.stdout.write(await render(resume))
