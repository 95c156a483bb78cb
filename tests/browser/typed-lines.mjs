// Opens a page in headless Chromium and prints, as JSON, the text the browser shows in the
// explanation cell of each requirement named, as a reader sees it (line breaks included);
// saves the rows as screenshots at 375 and 1280 px and prints the page to PDF.
//
// Usage: node typed-lines.mjs PAGE.html OUT_DIR ID...
import { chromium } from "playwright-core";
import path from "node:path";

const [page, outDir, ...ids] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  args: ["--no-sandbox"],
});
const shown = {};
for (const width of [375, 1280]) {
  const tab = await browser.newPage({ viewport: { width, height: 900 } });
  await tab.goto(`file://${path.resolve(page)}`);
  for (const id of ids) {
    const cell = tab.locator(`#${id} [data-label="説明"]`);
    shown[`${id}@${width}`] = await cell.innerText();
    await tab.locator(`#${id}`).screenshot({ path: path.join(outDir, `${id}-${width}.png`) });
  }
  if (width === 1280) {
    await tab.emulateMedia({ media: "print" });
    await tab.pdf({ path: path.join(outDir, "page.pdf"), format: "A4" });
  }
  await tab.close();
}
await browser.close();
console.log(JSON.stringify(shown));
