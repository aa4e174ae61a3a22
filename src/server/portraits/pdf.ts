import type { Browser } from 'playwright-core';
import type { AppContext } from '../platform/context';

// PDFs are printed by headless Chromium (Debian's `chromium`, driven by playwright-core) from the
// web app's print routes (/impression/…), which lay a portrait or a dashboard out on two A4 pages
// with their maps, charts, tables and sources. One browser per running platform, launched on the
// first PDF and closed when the server stops; each PDF uses a fresh, short-lived browser context.

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** Headless Chromium flags shared by the PDF printer, the browser tests and the bench. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];
const READY_TIMEOUT_MS = 15_000;
/** Printable area of an A4 page with the print stylesheet's margins (8 mm top, 9 mm elsewhere), in CSS px. */
const PRINTABLE = {
  width: Math.floor(((210 - 18) * 96) / 25.4),
  height: Math.floor(((297 - 17) * 96) / 25.4),
};

export class PdfPrinter {
  private browser: Promise<Browser> | null = null;
  private closed = false;

  private async launch(): Promise<Browser> {
    if (this.closed) throw new Error('Le serveur s’arrête : impression impossible.');
    this.browser ??= import('playwright-core')
      .then(({ chromium }) => chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }))
      .then((browser) => {
        browser.on('disconnected', () => {
          this.browser = null;
        });
        return browser;
      })
      .catch((error) => {
        this.browser = null;
        throw new Error(
          `Impression PDF indisponible : Chromium n'a pas pu démarrer (${(error as Error).message}).`,
        );
      });
    return this.browser;
  }

  /** Prints `url` (a print route of the web app) once it says it is ready, as an A4 PDF. */
  async print(url: string): Promise<Buffer> {
    const browser = await this.launch();
    const context = await browser.newContext({ locale: 'fr-FR', viewport: { width: 1100, height: 1400 } });
    try {
      const page = await context.newPage();
      const failures: string[] = [];
      page.on('pageerror', (e) => failures.push(e.message));
      await page.goto(url, { waitUntil: 'domcontentloaded' });
      const ready = page.locator('[data-print-ready]');
      await ready.waitFor({ timeout: READY_TIMEOUT_MS }).catch(() => {
        throw new Error(
          `La page d'impression ne s'est pas affichée à temps${failures.length ? ` (${failures[0]})` : ''}.`,
        );
      });
      const state = await ready.getAttribute('data-print-ready');
      if (state !== 'true') {
        throw new Error((await page.locator('[data-print-error]').textContent()) ?? 'Impression impossible.');
      }
      await page.setViewportSize({ width: PRINTABLE.width, height: PRINTABLE.height });
      await page.emulateMedia({ media: 'print' });
      // Two pages: the print route marks where page 2 starts; if either part is taller than a
      // page, the whole document is scaled down just enough (a wider layout only gets shorter).
      const parts = await page.evaluate(() => {
        const total = document.documentElement.scrollHeight;
        const mark = document.querySelector(
          '.pilote-page-break, .pilote-print [data-chart="par-thematique"]',
        );
        const split = mark ? mark.getBoundingClientRect().top + window.scrollY : total;
        const main = document.querySelector('main');
        const end = main ? main.getBoundingClientRect().bottom + window.scrollY : total;
        return [split, end - split];
      });
      const scale = Math.max(
        0.5,
        Math.min(1, ...parts.map((h) => (PRINTABLE.height * 0.97) / Math.max(1, h))),
      );
      return await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true, scale });
    } finally {
      await context.close();
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const browser = this.browser;
    this.browser = null;
    if (browser) await (await browser.catch(() => null))?.close();
  }
}

const printers = new WeakMap<AppContext, PdfPrinter>();
export function pdfPrinter(ctx: AppContext): PdfPrinter {
  let printer = printers.get(ctx);
  if (!printer) {
    printer = new PdfPrinter();
    printers.set(ctx, printer);
  }
  return printer;
}
