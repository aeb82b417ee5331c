// Offset pagination the way ThoughtSpot's V2 search operations do it: record_offset, record_size, -1 for all.

export function page<T>(items: T[], input: Record<string, unknown>, defaultSize = 10): T[] {
  const offset = Math.max(0, Number(input.record_offset ?? 0) || 0);
  const size = Number(input.record_size ?? defaultSize);
  return size < 0 ? items.slice(offset) : items.slice(offset, offset + size);
}
