export const ROLES = ['admin', 'coach', 'parent', 'player'] as const;
export type Role = (typeof ROLES)[number];

/** Roles anyone may give themselves through public registration. */
export const SELF_REGISTER_ROLES = ['player', 'parent'] as const satisfies readonly Role[];
