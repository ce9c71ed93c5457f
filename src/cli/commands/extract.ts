/** `crosscheck extract FILE|DIR...`: counts and dates of each report, as the contract's JSON or a table. */
import type { Command } from 'commander';
import { basename } from 'node:path';
import { extract } from '../../pipeline/2-extract/index.js';
import { listReportFiles, readReport } from '../../pipeline/1-ingest/index.js';
import type { Count, DateMention } from '../../domain/types.js';
import { AppError } from '../../domain/errors.js';
import { extractionTables } from '../output.js';
import type { CliContext } from '../context.js';
import { oneLine } from '../terminal.js';

interface Options { format: string; published?: string }

/** The contract's count entry (SCHEMA.md), with the extra fields kept after the required ones. */
function countJson(c: Count) {
  return {
    measure: c.measure, group: c.group, unit: c.unit, subject: c.subject, min: c.min, max: c.max,
    approximate: c.approximate,
    attribution: c.attribution ? { text: c.attribution.text, source: c.attribution.source, ...(c.attribution.kind ? { kind: c.attribution.kind } : {}) } : null,
    span: c.span, quote: c.quote, sentence: c.sentence, ...(c.partOf !== undefined ? { partOf: c.partOf } : {}),
  };
}

function dateJson(d: DateMention) {
  return { value: d.value, span: d.span, quote: d.quote, ...(d.relative ? { relative: true } : {}) };
}

/** Registers the command. */
export function register(program: Command, ctx: CliContext): void {
  program
    .command('extract')
    .description('extract casualty counts and dates (EDTF) from reports, each with its exact span')
    .argument('<paths...>', 'report files or folders (.txt .md .html .pdf)')
    .option('-f, --format <format>', 'json (the extraction contract) or table', 'table')
    .option('--published <edtf>', "the reports' publication date, for relative dates (e.g. 2024-02-26); default: each report's own metadata")
    .addHelpText('after', '\nExamples:\n  crosscheck extract report.txt\n  crosscheck extract reports/ --format json > extraction.json\n  crosscheck extract note.md --published 2024-02-26')
    .action(async (paths: string[], opts: Options) => {
      if (opts.format !== 'json' && opts.format !== 'table') throw new AppError('E_USAGE', `--format must be json or table, got ${JSON.stringify(opts.format)}`);
      const { files, skipped } = await listReportFiles(paths);
      for (const s of skipped) ctx.warn(`${oneLine(s.path)}: skipped: ${oneLine(s.reason)}`);
      if (skipped.some((s) => /does not exist|not found|no such/i.test(s.reason))) ctx.failed = true;
      const documents: unknown[] = [];
      for (const file of files) {
        try {
          const doc = await readReport(file, {});
          const published = opts.published ?? doc.meta.published;
          const result = extract(doc.text, { published });
          if (opts.format === 'json') documents.push({ document: basename(file), counts: result.counts.map(countJson), dates: result.dates.map(dateJson) });
          else ctx.out(`${extractionTables(basename(file), result.counts, result.dates)}\n`);
        } catch (e) {
          if (!(e instanceof AppError) || e.code === 'E_BAD_INPUT') throw e;
          ctx.warn(oneLine(e.message.startsWith(file) || e.message.includes(basename(file)) ? e.message : `${file}: ${e.message}`));
          ctx.failed = true;
        }
      }
      if (opts.format === 'json') ctx.out(JSON.stringify({ documents }, null, 2));
    });
}
