/** Review stages of a content type (docs/adr/0026-editorial.md). */
export interface Stage {
  name: string;
  /** admin role codes that may move an entry into this stage; empty: every role with stages.update */
  roles: string[];
  /** moving an entry here emails its assignee */
  notifyAssignee?: boolean;
}

export interface TypeSettings {
  uid: string;
  /** a version per save and per publish */
  history: boolean;
  /** review stages; publishing needs the last stage */
  review: boolean;
  stages: Stage[];
  /** an edit of an entry in the last stage moves it back to the first */
  resetOnEdit: boolean;
}

export const SUPER_ADMIN_CODE = 'strapi-super-admin';

export const DEFAULT_STAGES: Stage[] = [
  { name: 'Draft', roles: [] },
  { name: 'In review', roles: [], notifyAssignee: true },
  { name: 'Approved', roles: [SUPER_ADMIN_CODE, 'magnetiq-admin'] },
];

export const defaultSettings = (uid: string): TypeSettings => ({
  uid,
  history: true,
  review: false,
  stages: DEFAULT_STAGES,
  resetOnEdit: true,
});

export const firstStage = (settings: TypeSettings): string => settings.stages[0].name;
export const lastStage = (settings: TypeSettings): string => settings.stages[settings.stages.length - 1].name;

/** May a user with these role codes move an entry into `stage`? */
export function mayEnter(stage: Stage, roleCodes: string[]): boolean {
  if (roleCodes.includes(SUPER_ADMIN_CODE)) return true;
  return stage.roles.length === 0 || stage.roles.some((code) => roleCodes.includes(code));
}

export interface Issue {
  path: string;
  code: string;
  message: string;
}

const STAGE_NAME = /^[\p{L}\p{N}][\p{L}\p{N} ._-]{0,99}$/u;
const ROLE_CODE = /^[a-z0-9][a-z0-9-]{0,99}$/;

/** The stages of a settings update: 2 to 10 distinct names, role codes as strings. */
export function parseStages(value: unknown, issues: Issue[]): Stage[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || value.length < 2 || value.length > 10) {
    issues.push({ path: 'stages', code: 'invalid_stages', message: 'stages must be a list of 2 to 10 stages' });
    return undefined;
  }
  const stages: Stage[] = [];
  value.forEach((item, index) => {
    const record = (typeof item === 'object' && item !== null ? item : {}) as Record<string, unknown>;
    const name = typeof record.name === 'string' ? record.name.trim() : '';
    if (!STAGE_NAME.test(name) || stages.some((stage) => stage.name === name)) {
      issues.push({
        path: `stages.${index}.name`,
        code: 'invalid_stage_name',
        message: 'a stage needs a distinct name',
      });
      return;
    }
    const roles = record.roles ?? [];
    if (!Array.isArray(roles) || !roles.every((code) => typeof code === 'string' && ROLE_CODE.test(code))) {
      issues.push({ path: `stages.${index}.roles`, code: 'invalid_roles', message: 'roles must be admin role codes' });
      return;
    }
    stages.push({ name, roles: roles as string[], notifyAssignee: record.notifyAssignee === true });
  });
  return stages;
}
