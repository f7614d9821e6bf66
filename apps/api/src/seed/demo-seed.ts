import { privilegedRoles, type UserRole } from '@konvergensi/contracts';
import { kecamatanOf, provinces, regencies, regencyUnits, villagesOf, type Regency } from '@konvergensi/domain';
import { RegionRecord, RoleAssignmentRecord, UnitRecord, UserMfaRecord, UserRecord } from '@konvergensi/persistence';
import type { DataSource, EntityManager } from 'typeorm';
import { MfaSecretCipher } from '../auth/mfa/mfa-secret-cipher';
import { hashPassword } from '../auth/password-hasher';

export interface DemoUser {
  username: string;
  roles: UserRole[];
  regencyCode: string | null;
  provinceCode: string | null;
  unitCode: string | null;
  displayName: string;
}

/** `Kota Metro` → `metro`: the prefix of the regency's demo usernames. */
export function regencySlug(regency: Pick<Regency, 'name'>): string {
  return regency.name
    .replace(/^(Kota|Kabupaten)\s+/i, '')
    .trim()
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-');
}

function unitSlug(code: string): string {
  return code.toLowerCase().replace(/_/g, '-');
}

/**
 * Units without demo accounts: the TPPS chair has an account of its own. Every other unit gets an
 * officer and a head, because cycle stages give tasks to all of them: the mayor's office signs the
 * Perwali and the commitment, the DPRD secretariat and the non-government forum take part in the
 * rembuk, and the generic sector-agency unit stands for the OPDs of the template's "OPD terkait".
 */
const unitsWithoutStaffAccounts = new Set(['KETUA_TPPS']);

/** The demo accounts: `<regency>.<role>` as the workspace issue names them. */
export function demoUsers(): DemoUser[] {
  const users: DemoUser[] = [
    {
      username: 'admin',
      roles: ['system_admin'],
      regencyCode: null,
      provinceCode: null,
      unitCode: null,
      displayName: 'Admin Sistem',
    },
  ];
  for (const province of provinces) {
    users.push({
      username: `${province.name.toLowerCase()}.provinsi`,
      roles: ['province_viewer'],
      regencyCode: null,
      provinceCode: province.code,
      unitCode: null,
      displayName: `TPPS Provinsi ${province.name}`,
    });
  }
  for (const regency of regencies) {
    const slug = regencySlug(regency);
    const units = regencyUnits(regency.code);
    const secretariat = units.find((u) => u.roles.includes('TPPS_SECRETARIAT'));
    const auditTeam = units.find((u) => u.roles.includes('AUDIT_TEAM'));
    const expertTeam = units.find((u) => u.roles.includes('EXPERT_TEAM'));
    const base = { regencyCode: regency.code, provinceCode: null };
    users.push(
      {
        ...base,
        username: `${slug}.ketua`,
        roles: ['tpps_chair'],
        unitCode: null,
        displayName: `Ketua TPPS ${regency.name}`,
      },
      {
        ...base,
        username: `${slug}.sekretaris`,
        roles: ['tpps_secretary'],
        unitCode: secretariat?.code ?? null,
        displayName: `Sekretaris TPPS ${regency.name}`,
      },
      {
        ...base,
        username: `${slug}.aks-teknis`,
        roles: ['aks_technical'],
        unitCode: auditTeam?.code ?? null,
        displayName: `Tim Teknis AKS ${regency.name}`,
      },
      {
        ...base,
        username: `${slug}.aks-pakar`,
        roles: ['aks_expert'],
        unitCode: expertTeam?.code ?? null,
        displayName: `Tim Pakar AKS ${regency.name}`,
      },
    );
    for (const unit of units) {
      if (
        unitsWithoutStaffAccounts.has(unit.code) ||
        unit.roles.some((r) => r === 'AUDIT_TEAM' || r === 'EXPERT_TEAM' || r === 'TPPS_CHAIR')
      )
        continue;
      users.push(
        {
          ...base,
          username: `${slug}.${unitSlug(unit.code)}`,
          roles: ['opd_officer'],
          unitCode: unit.code,
          displayName: `Petugas ${unit.name}`,
        },
        {
          ...base,
          username: `${slug}.kepala-${unitSlug(unit.code)}`,
          roles: ['opd_head'],
          unitCode: unit.code,
          displayName: `Kepala ${unit.name}`,
        },
      );
    }
  }
  return users;
}

export function demoEmail(username: string): string {
  return `${username}@demo.konvergensi.test`;
}

async function upsertRegion(manager: EntityManager, region: Partial<RegionRecord> & { code: string }): Promise<void> {
  await manager
    .createQueryBuilder()
    .insert()
    .into(RegionRecord)
    .values(region)
    .orUpdate(['name', 'level', 'kind', 'parent_code', 'bps_code', 'time_zone', 'family_count'], ['code'])
    .execute();
}

/**
 * Seeds Kota Metro and Kota Dumai with their kecamatan and kelurahan as the seed reports list
 * them, their units with the role mapping, and the demo users. Idempotent: existing rows are
 * updated, existing users keep their password.
 *
 * `mfa` (scripted runs only: the tests, never `npm start`) gives every new demo user of a role that
 * requires an authenticator the one shared TOTP secret, already enrolled, so a script can log in
 * with computed codes; without it those users set up their authenticator at their first login.
 */
export async function seedDemo(
  dataSource: DataSource,
  options: { password: string; mfa?: { secret: string; authSecret: string } },
): Promise<{ users: DemoUser[]; created: number }> {
  const passwordHash = await hashPassword(options.password);
  const mfaCipher = options.mfa ? new MfaSecretCipher(options.mfa.authSecret) : undefined;
  return dataSource.transaction(async (manager) => {
    for (const province of provinces) {
      await upsertRegion(manager, {
        code: province.code,
        level: 'province',
        name: province.name,
        kind: 'provinsi',
        parentCode: null,
      });
    }
    for (const regency of regencies) {
      await upsertRegion(manager, {
        code: regency.code,
        level: 'regency',
        name: regency.name,
        kind: regency.kind,
        parentCode: regency.provinceCode,
        timeZone: regency.timeZone,
      });
      for (const kecamatan of kecamatanOf(regency.code)) {
        await upsertRegion(manager, {
          code: kecamatan.id,
          level: 'district',
          name: kecamatan.name,
          kind: 'kecamatan',
          parentCode: regency.code,
          bpsCode: kecamatan.bpsCode ?? null,
        });
        for (const village of villagesOf(regency.code, kecamatan.id)) {
          const latest = [...village.familyCounts].sort((a, b) => b.year - a.year)[0];
          await upsertRegion(manager, {
            code: village.id,
            level: 'village',
            name: village.name,
            kind: village.kind,
            parentCode: kecamatan.id,
            bpsCode: village.bpsCode ?? null,
            familyCount: latest?.families ?? null,
          });
        }
      }
      for (const unit of regencyUnits(regency.code)) {
        await manager
          .createQueryBuilder()
          .insert()
          .into(UnitRecord)
          .values({
            regencyCode: regency.code,
            code: unit.code,
            name: unit.name,
            roleCodes: [...unit.roles],
            email: demoEmail(`${regencySlug(regency)}.${unitSlug(unit.code)}`),
          })
          .orUpdate(['name', 'role_codes'], ['regency_code', 'code'])
          .execute();
      }
    }
    const units = await manager.getRepository(UnitRecord).find();
    const users = demoUsers();
    let created = 0;
    for (const user of users) {
      const existing = await manager.getRepository(UserRecord).findOneBy({ username: user.username });
      if (existing) continue;
      const unitId = user.unitCode
        ? (units.find((u) => u.regencyCode === user.regencyCode && u.code === user.unitCode)?.id ?? null)
        : null;
      const record = await manager.getRepository(UserRecord).save({
        username: user.username,
        displayName: user.displayName,
        email: demoEmail(user.username),
        passwordHash,
        regencyCode: user.regencyCode,
        provinceCode: user.provinceCode,
        unitId,
        active: true,
      });
      await manager.getRepository(RoleAssignmentRecord).insert(user.roles.map((role) => ({ userId: record.id, role })));
      if (mfaCipher && options.mfa && user.roles.some((role) => privilegedRoles.includes(role))) {
        await manager.getRepository(UserMfaRecord).insert({
          userId: record.id,
          secretCiphertext: mfaCipher.encrypt(record.id, options.mfa.secret),
          enabledAt: new Date(),
          lastUsedStep: null,
        });
      }
      created += 1;
    }
    return { users, created };
  });
}
