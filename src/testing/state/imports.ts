// Async TML import tasks: submitted IN_QUEUE, IN_PROGRESS on the next status call (half the objects
// processed), COMPLETED on the one after with the import's answer; the import runs when it completes.
// Tasks are per Org: a status call sees only the tasks of its own Org.
import type { Answer } from "../types.js";
import { importTml } from "./metadata.js";
import { type ImportTask, type MockStore, secret } from "./store.js";

type Loose = Record<string, unknown>;

function statusOf(store: MockStore, task: ImportTask, withResponse: boolean): Loose {
  const user = store.catalog.users.find((u) => u.id === task.author.userId);
  const state = task.pollsLeft >= 2 ? "IN_QUEUE" : task.pollsLeft === 1 ? "IN_PROGRESS" : "COMPLETED";
  const processed =
    state === "COMPLETED" ? task.total : state === "IN_PROGRESS" ? Math.floor(task.total / 2) : 0;
  return {
    tenant_id: "a9e3d1c0-mock-tenant",
    org_id: task.orgId,
    task_id: task.id,
    task_name: `TML import of ${task.total} object(s)`,
    task_status: state,
    author_id: task.author.userId,
    author_display_name: user?.display_name ?? task.author.username,
    import_policy: task.policy,
    created_at: task.createdAt,
    ...(state !== "IN_QUEUE" && { in_progress_at: task.createdAt + 1 }),
    ...(state === "COMPLETED" && { completed_at: Date.now() }),
    modified_at: Date.now(),
    total_object_count: task.total,
    object_processed_count: processed,
    // The spec types import_response as an object; it holds the per-object list under `object`, as V1's
    // import answer does.
    ...(state === "COMPLETED" && withResponse && { import_response: { object: task.response } }),
  };
}

export function importTaskAnswers(store: MockStore): Record<string, Answer> {
  const texts = new Map<string, { texts: string[]; createNew: boolean }>();
  return {
    importMetadataTMLAsync: ({ input, caller }) => {
      const docs = (input.metadata_tmls as string[] | undefined) ?? [];
      const task: ImportTask = {
        id: secret("task-"),
        orgId: caller?.orgId ?? 0,
        author: caller ?? { userId: String(store.catalog.users[0]?.id), username: "tsadmin", orgId: 0 },
        policy: String(input.import_policy ?? "PARTIAL"),
        createdAt: Date.now(),
        total: docs.length,
        pollsLeft: 2,
        response: [],
      };
      store.tasks.set(task.id, task);
      texts.set(task.id, { texts: docs, createNew: input.create_new === true });
      return { json: statusOf(store, { ...task, pollsLeft: 3 }, false) };
    },
    fetchAsyncImportTaskStatus: ({ input, caller }) => {
      const ids = Array.isArray(input.task_ids) ? input.task_ids.map(String) : undefined;
      const list: Loose[] = [];
      for (const task of store.tasks.values()) {
        if (task.orgId !== (caller?.orgId ?? 0) || (ids && !ids.includes(task.id))) continue;
        if (task.pollsLeft > 0) task.pollsLeft--;
        const pending = texts.get(task.id);
        if (task.pollsLeft === 0 && pending) {
          task.response = importTml(store, task.author, pending.texts, task.policy, pending.createNew);
          texts.delete(task.id);
        }
        list.push(statusOf(store, task, input.include_import_response === true));
      }
      return { json: { status_list: list, last_batch: true } };
    },
  };
}
