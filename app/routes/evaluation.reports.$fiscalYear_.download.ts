// The yearly report's every figure for machines: `?format=csv` (one row per figure, measure and breakdown) or
// `?format=json`, for the whole service or `?ministry=`. The report page's `?format=` links lead here.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { readEvaluationFilter } from "~/evaluation/figures.server";
import { readFiscalYear, reportCsv, reportJson } from "~/evaluation/report.server";
import { requireUser } from "~/identity/auth.server";
import { withSecurityHeaders } from "~/identity/security/headers.server";
import { getDb } from "../../db/client.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requireUser(request, { roles: ["evaluator"] });
  const fiscalYear = readFiscalYear(params.fiscalYear);
  const url = new URL(request.url);
  const format = url.searchParams.get("format");
  if (fiscalYear === null || (format !== "csv" && format !== "json")) throw new Response(null, { status: 404 });
  const ministryId = readEvaluationFilter(url).ministryId;
  const name = `madoguchi-report-FY${fiscalYear}${ministryId ? `-${ministryId}` : ""}.${format}`;
  const body = format === "csv" ? reportCsv(getDb(), { fiscalYear, ministryId }) : JSON.stringify(reportJson(getDb(), { fiscalYear, ministryId }), null, 2);
  return withSecurityHeaders(
    new Response(body, {
      headers: {
        "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
        "Content-Disposition": `attachment; filename="${name}"`,
        "Cache-Control": "no-store",
      },
    }),
  );
}
