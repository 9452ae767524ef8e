// Weight benchmark (`npm run bench:weight`): the JavaScript and CSS a browser downloads for each page type, from
// the production build (what is counted: tests/bench/support/weight.ts).
//
// Usage: npm run bench:weight [-- --json] [--skip-build]
//   last line: {"pages":[{"page","jsBytes","jsGzipBytes","cssGzipBytes",...}]}
import { flag, report } from "./support/measure";
import { buildApp } from "./support/portal";
import { measureWeight } from "./support/weight";

if (!flag("skip-build")) buildApp();
const pages = measureWeight();
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
report({ pages }, pages.map((p) => `${p.page.padEnd(8)} JS ${kb(p.jsBytes)} (gzip ${kb(p.jsGzipBytes)}, ${p.files} files)  CSS gzip ${kb(p.cssGzipBytes)}`).join("\n"));
