// The preferences map V1 user/updatepreference takes, built from named options.

/** V1 user/updatepreference `preferences`; only the keys you set are sent. */
export interface UserPreferences {
  preferredLocale?: string;
  notifyOnShare?: boolean;
  analystOnboardingComplete?: boolean;
  showWalkMe?: boolean;
}

export function userPreferences(prefs: UserPreferences): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const [key, value] of Object.entries(prefs)) if (value !== undefined) out[key] = value;
  if (Object.keys(out).length === 0) throw new TypeError("userPreferences: set at least one preference");
  return out;
}
