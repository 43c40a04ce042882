// One cold Typst run for the bench: a new Node process loads Typst's native addon
// (@myriaddreamin/typst-ts-node-compiler), compiles the .typ file given and writes the PDF.
// Usage: node bench/typst/compile.cjs <in.typ> <out.pdf> <fonts folder>
const fs = require('node:fs');
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');
const [input, output, fonts] = process.argv.slice(2);
const compiler = NodeCompiler.create({ workspace: require('node:path').dirname(input), fontArgs: [{ fontPaths: [fonts] }] });
const pdf = compiler.pdf({ mainFileContent: fs.readFileSync(input, 'utf8') });
fs.writeFileSync(output, pdf);
