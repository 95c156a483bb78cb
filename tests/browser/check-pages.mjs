// Loads every page of a built checksheet site in headless Chromium, served over HTTP from
// 127.0.0.1, and fails on console errors, failed requests or serious accessibility
// violations, on a page wider than the screen at 375 or 1280 px, and on a table wider than
// the printed A4 page. Saves screenshots at 375 and 1280 px wide and each page printed to
// A4 PDF, and reports how many pages each prints on.
//
// usage: node check-pages.mjs SITE_DIR OUT_DIR
import { createServer } from "node:http";
import { readFile, readdir, mkdir, writeFile } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import { chromium } from "playwright-core";

const [siteDir, outDir] = process.argv.slice(2);
if (!siteDir || !outDir) {
  console.error("usage: node check-pages.mjs SITE_DIR OUT_DIR");
  process.exit(2);
}
const require = createRequire(import.meta.url);
const axeSource = await readFile(require.resolve("axe-core/axe.min.js"), "utf8");

const types = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".json": "application/json", ".csv": "text/csv; charset=utf-8" };
const server = createServer(async (request, response) => {
  const file = path.join(siteDir, decodeURIComponent(new URL(request.url, "http://x").pathname));
  try {
    const body = await readFile(file.endsWith(path.sep) ? path.join(file, "index.html") : file);
    response.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
    response.end(body);
  } catch {
    response.writeHead(404);
    response.end();
  }
});
await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
const base = `http://127.0.0.1:${server.address().port}/`;

async function pages(dir, prefix = "") {
  const found = [];
  for (const entry of (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory()) found.push(...(await pages(path.join(dir, entry.name), `${prefix}${entry.name}/`)));
    else if (entry.name.endsWith(".html")) found.push(`${prefix}${entry.name}`);
  }
  return found;
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
await mkdir(outDir, { recursive: true });
const problems = [];
const report = [];
try {
  for (const page of await pages(siteDir)) {
    const name = page.replaceAll("/", "__").replace(/\.html$/, "");
    const context = await browser.newContext();
    const tab = await context.newPage();
    tab.on("console", (message) => {
      if (message.location().url.endsWith("/favicon.ico")) return;
      if (message.type() === "error" || message.type() === "warning") problems.push(`${page}: console ${message.type()}: ${message.text()}`);
    });
    tab.on("pageerror", (error) => problems.push(`${page}: page error: ${error.message}`));
    tab.on("requestfailed", (request) => problems.push(`${page}: request failed: ${request.url()}`));
    tab.on("response", (response) => {
      // The browser asks for the host's icon by itself; the host serves it, not the site.
      if (new URL(response.url()).pathname === "/favicon.ico") return;
      if (response.status() >= 400) problems.push(`${page}: ${response.status()} for ${response.url()}`);
      if (!response.url().startsWith(base)) problems.push(`${page}: external request ${response.url()}`);
    });
    for (const width of [1280, 375]) {
      await tab.setViewportSize({ width, height: 900 });
      await tab.goto(base + page, { waitUntil: "load" });
      await tab.screenshot({ path: path.join(outDir, `${name}-${width}.png`), fullPage: true });
      const overflow = await tab.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      if (overflow > 1) problems.push(`${page}: wider than the ${width} px screen by ${overflow} px`);
    }
    // Printed: A4 portrait with 12 mm side margins leaves 186 mm, about 703 CSS px.
    await tab.setViewportSize({ width: 703, height: 1000 });
    await tab.emulateMedia({ media: "print" });
    const wide = await tab.evaluate(() =>
      [...document.querySelectorAll("table")]
        .filter((table) => table.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
        .map((table) => table.className || "table"),
    );
    for (const table of wide) problems.push(`${page}: printed, the table "${table}" is wider than the A4 page`);
    const pdf = await tab.pdf({ path: path.join(outDir, `${name}.pdf`), format: "A4", printBackground: true, preferCSSPageSize: true });
    const printed = (pdf.toString("latin1").match(/\/Type\s*\/Page(?!s)/g) ?? []).length;
    report.push(`${page}: printed on ${printed} A4 pages`);
    await context.close();

    // axe-core is injected as a script, which the pages' own policy rightly forbids.
    const audit = await browser.newContext({ bypassCSP: true });
    const auditTab = await audit.newPage();
    await auditTab.goto(base + page, { waitUntil: "load" });
    await auditTab.addScriptTag({ content: axeSource });
    const result = await auditTab.evaluate(() =>
      window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"] } }),
    );
    await audit.close();
    for (const violation of result.violations) {
      const line = `${page}: ${violation.impact} ${violation.id}: ${violation.help} (${violation.nodes.length} nodes, e.g. ${violation.nodes[0]?.target})`;
      if (violation.impact === "serious" || violation.impact === "critical") problems.push(line);
      else report.push(line);
    }
    report.push(`${page}: ${result.passes.length} accessibility rules pass, ${result.violations.length} violations`);
  }
} finally {
  await browser.close();
  server.close();
}
await writeFile(path.join(outDir, "report.txt"), [...report, ...problems].join("\n") + "\n");
for (const line of report) console.log(line);
if (problems.length > 0) {
  for (const line of problems) console.error(line);
  process.exit(1);
}
console.log(`browser check: ${report.length} lines, no problems`);
