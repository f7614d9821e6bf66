import { type DomainIssue, type Result } from '../common/issues';
import { isRoleCode } from '../roles/roles';
import { type Dependency, type Stage, type YearlyTemplate, yearlyTemplateSchema } from './schema';

/** Joins a zod-style path into the dotted form used in messages: `actions.2.stages.0.owner`. */
function pathOf(parts: readonly PropertyKey[]): string {
  return parts.map((p) => String(p)).join('.');
}

function issue(code: string, path: string, what: string): DomainIssue {
  return { code, path, message: `${path}: ${what}` };
}

interface Edge {
  readonly from: string;
  readonly to: string;
  readonly path: string;
}

/**
 * Parses and checks a yearly template. Returns every problem found, each with the path of the
 * offending field and what is wrong with it, so an administrator editing a regency's template can
 * fix them all in one pass.
 */
export function parseTemplate(input: unknown): Result<YearlyTemplate> {
  const parsed = yearlyTemplateSchema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      issues: parsed.error.issues.map((i) => issue('INVALID_SHAPE', pathOf(i.path), i.message)),
    };
  }
  const template = parsed.data;
  const issues = checkTemplate(template);
  return issues.length === 0 ? { ok: true, value: template } : { ok: false, issues };
}

/** The rules that span fields: references, roles, numbering, cycles. */
export function checkTemplate(template: YearlyTemplate): DomainIssue[] {
  const issues: DomainIssue[] = [];
  const groups = new Map<string, readonly string[]>();
  const stageCodes = new Set<string>();
  const seen = new Map<string, string>();

  const claim = (code: string, path: string): void => {
    const earlier = seen.get(code);
    if (earlier !== undefined) {
      issues.push(issue('DUPLICATE_CODE', path, `code "${code}" is already used at ${earlier}`));
    } else {
      seen.set(code, path);
    }
  };
  const role = (value: string, path: string): void => {
    if (!isRoleCode(value)) {
      issues.push(issue('UNKNOWN_ROLE', path, `unknown role "${value}"`));
    }
  };
  const stageRoles = (stage: Stage, path: string): void => {
    role(stage.owner.value, `${path}.owner.value`);
    stage.participants.value.forEach((p, k) => role(p, `${path}.participants.value.${k}`));
  };
  const registerStages = (owner: string, stages: readonly Stage[], path: string): void => {
    groups.set(
      owner,
      stages.map((s) => s.code),
    );
    stages.forEach((stage, j) => {
      const stagePath = `${path}.stages.${j}`;
      claim(stage.code, `${stagePath}.code`);
      stageCodes.add(stage.code);
      stageRoles(stage, stagePath);
      if (stage.order !== j + 1) {
        issues.push(
          issue(
            'STAGE_ORDER',
            `${stagePath}.order`,
            `stage order ${stage.order} where ${j + 1} was expected (stages are listed in order)`,
          ),
        );
      }
    });
  };

  template.actions.forEach((action, i) => {
    const path = `actions.${i}`;
    claim(action.code, `${path}.code`);
    role(action.responsible.value, `${path}.responsible.value`);
    if (action.delegatedTo !== undefined) {
      role(action.delegatedTo.value, `${path}.delegatedTo.value`);
    }
    registerStages(action.code, action.stages, path);
  });
  const numbers = template.actions.map((a) => a.number);
  for (let n = 1; n <= 8; n += 1) {
    const count = numbers.filter((x) => x === n).length;
    if (count === 0) {
      issues.push(issue('MISSING_ACTION', 'actions', `Aksi ${n} is missing; a template holds each of Aksi 1-8 once`));
    } else if (count > 1) {
      issues.push(issue('DUPLICATE_ACTION', 'actions', `Aksi ${n} appears ${count} times`));
    }
  }
  template.aks.forEach((aks, i) => {
    const path = `aks.${i}`;
    claim(aks.code, `${path}.code`);
    role(aks.responsible.value, `${path}.responsible.value`);
    registerStages(aks.code, aks.stages, path);
  });
  template.calendar.forEach((item, i) => {
    const path = `calendar.${i}`;
    claim(item.code, `${path}.code`);
    role(item.owner.value, `${path}.owner.value`);
    item.participants.value.forEach((p, k) => role(p, `${path}.participants.value.${k}`));
  });

  const known = (ref: string): boolean => groups.has(ref) || stageCodes.has(ref);
  const expand = (ref: string): readonly string[] => groups.get(ref) ?? [ref];
  const edges: Edge[] = [];
  const dependencies = (from: readonly string[], deps: readonly Dependency[], path: string): void => {
    deps.forEach((dep, k) => {
      const depPath = `${path}.dependsOn.${k}`;
      if (!known(dep.on)) {
        issues.push(
          issue(
            'UNKNOWN_DEPENDENCY',
            `${depPath}.on`,
            `depends on "${dep.on}", which is no action, AKS template or stage`,
          ),
        );
        return;
      }
      if (dep.kind === 'conditional' && dep.condition === undefined) {
        issues.push(issue('CONDITION_REQUIRED', depPath, 'a conditional dependency must state its condition'));
      }
      if (dep.kind === 'requires') {
        for (const f of from) {
          for (const t of expand(dep.on)) {
            edges.push({ from: f, to: t, path: `${depPath}.on` });
          }
        }
      }
    });
  };
  template.actions.forEach((action, i) => {
    const path = `actions.${i}`;
    dependencies(
      action.stages.map((s) => s.code),
      action.dependsOn,
      path,
    );
    action.stages.forEach((stage, j) => dependencies([stage.code], stage.dependsOn, `${path}.stages.${j}`));
  });
  template.aks.forEach((aks, i) => {
    aks.stages.forEach((stage, j) => dependencies([stage.code], stage.dependsOn, `aks.${i}.stages.${j}`));
  });
  template.calendar.forEach((item, i) => {
    if (item.relatesTo !== undefined && !known(item.relatesTo)) {
      issues.push(
        issue('UNKNOWN_RELATION', `calendar.${i}.relatesTo`, `relates to "${item.relatesTo}", which does not exist`),
      );
    }
  });

  const cycle = findCycle(edges);
  if (cycle !== undefined) {
    issues.push(issue('DEPENDENCY_CYCLE', cycle.path, `dependency cycle: ${cycle.nodes.join(' → ')}`));
  }
  return issues;
}

/** Depth-first search for one cycle among `requires` edges; reports it by its closing edge. */
function findCycle(edges: readonly Edge[]): { nodes: string[]; path: string } | undefined {
  const out = new Map<string, Edge[]>();
  for (const e of edges) {
    const list = out.get(e.from) ?? [];
    list.push(e);
    out.set(e.from, list);
  }
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): { nodes: string[]; path: string } | undefined => {
    state.set(node, 'open');
    stack.push(node);
    for (const e of out.get(node) ?? []) {
      const s = state.get(e.to);
      if (s === 'open') {
        return { nodes: [...stack.slice(stack.indexOf(e.to)), e.to], path: e.path };
      }
      if (s === undefined) {
        const found = visit(e.to);
        if (found !== undefined) {
          return found;
        }
      }
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of [...out.keys()].sort()) {
    if (state.get(node) === undefined) {
      const found = visit(node);
      if (found !== undefined) {
        return found;
      }
    }
  }
  return undefined;
}
