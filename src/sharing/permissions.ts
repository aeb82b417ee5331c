// A share, described once and written for either API: V1's `permission` JSON and V2's `permissions`.
import type { V2ShareMode } from "../enums/api-types.js";

export type ShareMode = V2ShareMode;
/** What a Collection's contents get (Collections share themselves and their contents separately). */
export type ContentShareMode = "READ_ONLY" | "MODIFY";
export type PrincipalRef = string | { identifier: string; type?: "USER" | "USER_GROUP" };

interface Grant {
  principal: { identifier: string; type?: "USER" | "USER_GROUP" };
  mode: ShareMode;
  contentMode?: ContentShareMode;
}

export class SharePermissions {
  readonly #grants = new Map<string, Grant>();

  /** Principals (user or group GUIDs or names) who can view. */
  readOnly(...principals: PrincipalRef[]): this {
    return this.#add(principals, "READ_ONLY");
  }
  /** Principals who can edit (MODIFY). */
  edit(...principals: PrincipalRef[]): this {
    return this.#add(principals, "MODIFY");
  }
  /** Principals whose access is removed (NO_ACCESS). */
  remove(...principals: PrincipalRef[]): this {
    return this.#add(principals, "NO_ACCESS");
  }
  /** One principal with a mode; for Collections, `contentMode` sets access to what they contain. */
  grant(principal: PrincipalRef, mode: ShareMode, options: { contentMode?: ContentShareMode } = {}): this {
    return this.#add([principal], mode, options.contentMode);
  }

  get size(): number {
    return this.#grants.size;
  }

  /** V1 security/share `permission`: { permissions: { <principal GUID>: { shareMode } } }. */
  toV1(): { permissions: Record<string, { shareMode: ShareMode }> } {
    const permissions: Record<string, { shareMode: ShareMode }> = {};
    for (const [id, grant] of this.#grants) {
      if (grant.contentMode) throw new TypeError("content share modes (Collections) need the V2 API");
      permissions[id] = { shareMode: grant.mode };
    }
    return { permissions };
  }

  /** V2 security/metadata/share `permissions`. */
  toV2(): {
    principal: { identifier: string; type?: "USER" | "USER_GROUP" };
    share_mode: ShareMode;
    content_share_mode?: ContentShareMode;
  }[] {
    return [...this.#grants.values()].map((g) => ({
      principal: { ...g.principal },
      share_mode: g.mode,
      ...(g.contentMode && { content_share_mode: g.contentMode }),
    }));
  }

  #add(principals: PrincipalRef[], mode: ShareMode, contentMode?: ContentShareMode): this {
    for (const p of principals) {
      const principal = typeof p === "string" ? { identifier: p } : { ...p };
      if (typeof principal.identifier !== "string" || !principal.identifier) {
        throw new TypeError("a principal is a user or group GUID or name, or { identifier, type }");
      }
      // The last mode given for a principal wins, as it would if the shares ran one after another.
      this.#grants.set(principal.identifier, { principal, mode, ...(contentMode && { contentMode }) });
    }
    return this;
  }
}

export const sharePermissions = () => new SharePermissions();
