// An access audit: for every Liveboard and Answer, who it is shared with (users and groups, and how), and
// which objects nobody else can see. Written as a CSV file for a spreadsheet.
import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { TSTypes } from "thoughtspot-rest-api";
import { type ExampleContext, runIfMain } from "./support/run.js";

interface PermissionAnswer {
  metadata_permission_details?: {
    metadata_id?: string;
    metadata_name?: string;
    metadata_type?: string;
    principal_permission_info?: {
      principal_type?: string;
      principal_permissions?: { principal_name?: string; permission?: string }[];
    }[];
  }[];
}

const csv = (cells: unknown[]) => cells.map((c) => `"${String(c ?? "").replace(/"/g, '""')}"`).join(",");

export async function main({ ts, log, outDir }: ExampleContext) {
  const rows: string[][] = [];
  const unshared: string[] = [];
  for (const type of [TSTypes.LIVEBOARD, TSTypes.ANSWER]) {
    const objects = await ts.metadata.search({ type });
    const ids = objects.map((o) => String(o.metadata_id));
    if (ids.length === 0) continue;
    // One request per batch of objects, not one per object.
    for (let i = 0; i < ids.length; i += 50) {
      const answer = (await ts.sharing.permissionsOnObjects({
        type,
        ids: ids.slice(i, i + 50),
      })) as PermissionAnswer;
      for (const object of answer.metadata_permission_details ?? []) {
        const grants = (object.principal_permission_info ?? []).flatMap((info) =>
          (info.principal_permissions ?? []).map((p) => [
            String(object.metadata_type),
            String(object.metadata_name),
            String(info.principal_type),
            String(p.principal_name),
            String(p.permission),
          ]),
        );
        if (grants.length === 0) unshared.push(String(object.metadata_name));
        rows.push(...grants);
      }
    }
  }
  const file = join(outDir, "object-access.csv");
  await writeFile(
    file,
    `${[["type", "object", "principal type", "principal", "access"], ...rows].map(csv).join("\n")}\n`,
  );
  log(`${rows.length} grants written to ${file}`);
  log(`not shared with anyone: ${unshared.join(", ") || "-"}`);
  return { grants: rows.length, unshared, file };
}

await runIfMain(import.meta.url, main);
