// Domain helpers (sharing, metadata, users and groups) that load on first use, keeping the core small.
export { createMetadataApi } from "./metadata/api.js";
export { createPrincipalsApi } from "./principals/api.js";
export { createSharingApi } from "./sharing/api.js";
