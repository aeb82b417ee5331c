// Typed views of V1 metadata/details answers (one storable each), like the Python library's
// UserDetails, GroupDetails and LiveboardDetails, without printing or half-finished parts.

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose => (v && typeof v === "object" ? (v as Loose) : {});
const list = (v: unknown): Loose[] => (Array.isArray(v) ? (v as Loose[]) : []);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);

export interface HeaderInfo {
  id: string | undefined;
  name: string | undefined;
  displayName: string | undefined;
  created: number | undefined;
  modified: number | undefined;
}

abstract class Details {
  constructor(
    /** The storable as ThoughtSpot sent it, for anything the accessors do not cover. */
    readonly raw: Loose,
  ) {}
  get header(): HeaderInfo {
    const h = obj(this.raw.header);
    return {
      id: str(h.id),
      name: str(h.name),
      displayName: str(h.displayName),
      created: typeof h.created === "number" ? h.created : undefined,
      modified: typeof h.modified === "number" ? h.modified : undefined,
    };
  }
}

abstract class PrincipalDetails extends Details {
  get privileges(): string[] {
    return list(this.raw.privileges).map(String);
  }
  /** GUIDs of the groups this principal was added to directly. */
  get assignedGroups(): string[] {
    return list(this.raw.assignedGroups).map(String);
  }
  /** GUIDs of every group it belongs to, directly or through other groups. */
  get inheritedGroups(): string[] {
    return list(this.raw.inheritedGroups).map(String);
  }
}

export class UserDetails extends PrincipalDetails {
  get username(): string | undefined {
    return this.header.name;
  }
  get displayName(): string | undefined {
    return this.header.displayName;
  }
  get state(): string | undefined {
    return str(this.raw.state);
  }
  get isSuperUser(): boolean {
    return this.raw.isSuperUser === true;
  }
}

export class GroupDetails extends PrincipalDetails {}

export interface VisualizationInfo {
  id: string | undefined;
  name: string | undefined;
  type: string | undefined;
}

export class LiveboardDetails extends Details {
  get visualizations(): VisualizationInfo[] {
    const sheet = list(obj(this.raw.reportContent).sheets)[0];
    return list(obj(obj(sheet).sheetContent).visualizations).map((viz) => {
      const header = obj(viz.header);
      return {
        id: str(header.id),
        name: str(header.name),
        type: str(obj(viz.vizContent).vizType) ?? str(header.type),
      };
    });
  }
  /** Tables, Worksheets and Models the Liveboard's answers read from (from resolvedObjects). */
  get dataSources(): { id: string; name: string | undefined; subtype: string | undefined }[] {
    const seen = new Map<string, { id: string; name: string | undefined; subtype: string | undefined }>();
    for (const resolved of Object.values(obj(obj(this.raw.header).resolvedObjects))) {
      const sheets = list(obj(obj(resolved).reportContent).sheets);
      for (const sheet of sheets) {
        for (const source of list(obj(obj(sheet).sheetContent).dataSources ?? obj(sheet).dataSources)) {
          const id = str(source.id) ?? str(obj(source.header).id);
          if (id)
            seen.set(id, {
              id,
              name: str(source.name) ?? str(obj(source.header).name),
              subtype: str(source.type),
            });
        }
      }
    }
    return [...seen.values()];
  }
}

/** The storables of a metadata/details answer. */
export function storables(answer: unknown): Loose[] {
  return list(obj(answer).storables);
}
