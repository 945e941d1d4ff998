import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { z } from 'zod';
import { inTransaction, recordEvent } from '../journal/index.ts';
import {
  type Actor,
  actorRef,
  conflict,
  forbidden,
  invalid,
  isOperator,
  notFound,
  Password,
  parseInput,
  requireOrganisationRole,
  requireOwnOrOperator,
  type UserRole,
} from '../model/index.ts';
import type { Reader, Store, Tx } from '../store/index.ts';
import { newId } from './ids.ts';
import type { ApiKeyTable, UserTable } from './repository.ts';
import {
  type ApiKey,
  ApiKeyInput,
  InvitationAccept,
  InvitationInput,
  type User,
  UserPatch,
} from './schema.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = (bytes = 32) => randomBytes(bytes).toString('base64url');
const INVITATION_DAYS = 14;
/** A key is `dck_` + 32 random bytes; only its sha256 is stored (high entropy makes a slow hash unnecessary). */
const API_KEY_PREFIX = 'dck_';

/** One account per e-mail address (kept lower-case). */
export async function requireFreeEmail(tx: Tx, email: string, field = 'email'): Promise<void> {
  const taken = await tx.db
    .selectFrom('app_user')
    .select('id')
    .where('email', '=', email.toLowerCase())
    .executeTakeFirst();
  if (taken)
    throw conflict('This e-mail is registered already', [{ field, message: 'already registered' }]);
}

export function userFromRow(r: UserTable): User {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    email: r.email,
    name: r.name,
    role: r.role as UserRole,
    locale: r.locale as User['locale'],
    status: r.status as User['status'],
    createdAt: r.created_at,
  };
}

function apiKeyFromRow(r: ApiKeyTable): ApiKey {
  return {
    id: r.id,
    organisationId: r.organisation_id,
    name: r.name,
    role: r.role as ApiKey['role'],
    prefix: r.prefix,
    createdAt: r.created_at,
    revokedAt: r.revoked_at,
  };
}

/** Users, invitations, sessions and API keys of organisations. */
export class UserService {
  constructor(
    private readonly store: Store,
    private readonly options: { sessionTtlHours: number },
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private get reader(): Reader {
    return this.store;
  }

  /** Creates an active user with a password (the seed, the operator's own set-up). */
  async createUser(
    actor: Actor,
    organisationId: string,
    input: { email: string; name: string; role: UserRole; password: string },
  ): Promise<User> {
    requireOrganisationRole(actor, organisationId, 'org_admin');
    if (input.role === 'operator_admin' && !isOperator(actor))
      throw forbidden('Only the operator may create operator admins');
    parseInput(z.object({ password: Password }), { password: input.password });
    const hash = await argon2.hash(input.password, { type: argon2.argon2id });
    return inTransaction(this.store, async (tx) => {
      const email = input.email.toLowerCase();
      await requireFreeEmail(tx, email);
      const row: UserTable = {
        id: newId(),
        organisation_id: organisationId,
        email,
        name: input.name,
        role: input.role,
        locale: 'ru',
        status: 'active',
        password_hash: hash,
        created_at: this.clock().toISOString(),
      };
      await tx.db.insertInto('app_user').values(row).execute();
      const user = userFromRow(row);
      await recordEvent(
        tx,
        { actor: actorRef(actor), organisationId, type: 'user.created', payload: user },
        this.clock(),
      );
      return user;
    });
  }

  /** An organisation admin invites a colleague; the token is shown once and only its hash kept. */
  async invite(
    actor: Actor,
    organisationId: string,
    input: unknown,
  ): Promise<{ user: User; token: string; expiresAt: string }> {
    const i = parseInput(InvitationInput, input);
    requireOrganisationRole(actor, organisationId, 'org_admin');
    return inTransaction(this.store, async (tx) => {
      const org = await tx.db
        .selectFrom('organisation')
        .select(['id', 'status'])
        .where('id', '=', organisationId)
        .executeTakeFirst();
      if (!org) throw notFound(`Organisation ${organisationId} does not exist`);
      const email = i.email.toLowerCase();
      await requireFreeEmail(tx, email);
      const now = this.clock();
      const row: UserTable = {
        id: newId(),
        organisation_id: organisationId,
        email,
        name: i.name,
        role: i.role,
        locale: 'ru',
        status: 'pending',
        password_hash: null,
        created_at: now.toISOString(),
      };
      await tx.db.insertInto('app_user').values(row).execute();
      const secret = token();
      const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86400_000).toISOString();
      await tx.db
        .insertInto('invitation')
        .values({
          token_hash: sha256(secret),
          user_id: row.id,
          created_at: now.toISOString(),
          expires_at: expiresAt,
          accepted_at: null,
        })
        .execute();
      const user = userFromRow(row);
      await recordEvent(
        tx,
        {
          actor: actorRef(actor),
          organisationId,
          type: 'user.invited',
          payload: { user, expiresAt },
        },
        now,
      );
      return { user, token: secret, expiresAt };
    });
  }

  async acceptInvitation(input: unknown): Promise<User> {
    const a = parseInput(InvitationAccept, input);
    const hash = await argon2.hash(a.password, { type: argon2.argon2id });
    return inTransaction(this.store, async (tx) => {
      const inv = await tx.db
        .selectFrom('invitation')
        .selectAll()
        .where('token_hash', '=', sha256(a.token))
        .executeTakeFirst();
      const now = this.clock();
      if (!inv || inv.accepted_at || inv.expires_at < now.toISOString()) {
        throw invalid('The invitation is unknown, used or expired', [
          { field: 'token', message: 'not a valid invitation' },
        ]);
      }
      await tx.db
        .updateTable('invitation')
        .set({ accepted_at: now.toISOString() })
        .where('token_hash', '=', inv.token_hash)
        .execute();
      const set: Partial<UserTable> = { status: 'active', password_hash: hash };
      if (a.name) set.name = a.name;
      await tx.db.updateTable('app_user').set(set).where('id', '=', inv.user_id).execute();
      const row = await tx.db
        .selectFrom('app_user')
        .selectAll()
        .where('id', '=', inv.user_id)
        .executeTakeFirstOrThrow();
      const user = userFromRow(row);
      await recordEvent(
        tx,
        {
          actor: user.id,
          organisationId: user.organisationId,
          type: 'user.joined',
          payload: { id: user.id, name: user.name },
        },
        now,
      );
      return user;
    });
  }

  async listUsers(actor: Actor, organisationId: string): Promise<User[]> {
    requireOwnOrOperator(actor, organisationId);
    const rows = await this.reader.db
      .selectFrom('app_user')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .orderBy('email')
      .execute();
    return rows.map(userFromRow);
  }

  /** Admins change role and status of their colleagues; everyone may change their own name and language. */
  async updateUser(actor: Actor, userId: string, patch: unknown): Promise<User> {
    const p = parseInput(UserPatch, patch);
    return inTransaction(this.store, async (tx) => {
      const row = await tx.db
        .selectFrom('app_user')
        .selectAll()
        .where('id', '=', userId)
        .executeTakeFirst();
      if (!row) throw notFound(`User ${userId} does not exist`);
      const self = actor.kind === 'user' && actor.id === userId;
      if (!(self && p.role === undefined && p.status === undefined)) {
        requireOrganisationRole(actor, row.organisation_id, 'org_admin');
        if (row.role === 'operator_admin' && !isOperator(actor))
          throw forbidden('Only the operator may change an operator admin');
      }
      const set: Partial<UserTable> = {};
      if (p.name !== undefined) set.name = p.name;
      if (p.role !== undefined) set.role = p.role;
      if (p.locale !== undefined) set.locale = p.locale;
      if (p.status !== undefined) set.status = p.status;
      if (Object.keys(set).length === 0) return userFromRow(row);
      await tx.db.updateTable('app_user').set(set).where('id', '=', userId).execute();
      if (p.status === 'disabled')
        await tx.db.deleteFrom('session').where('user_id', '=', userId).execute();
      const user = userFromRow({ ...row, ...set });
      await recordEvent(
        tx,
        {
          actor: actorRef(actor),
          organisationId: row.organisation_id,
          type: 'user.updated',
          payload: { id: userId, changes: p },
        },
        this.clock(),
      );
      return user;
    });
  }

  /** Checks a password; returns the user or null. Always runs argon2 so timing does not reveal unknown e-mails. */
  async authenticate(email: string, password: string): Promise<User | null> {
    const row = await this.reader.db
      .selectFrom('app_user')
      .selectAll()
      .where('email', '=', email.toLowerCase())
      .executeTakeFirst();
    const hash = row?.password_hash ?? (await dummyHash());
    const ok = await argon2.verify(hash, password).catch(() => false);
    if (!row || !ok || row.status !== 'active') return null;
    return userFromRow(row);
  }

  /** Logins are not domain events: the session row is written on its own. */
  async openSession(userId: string): Promise<{ token: string; expiresAt: string }> {
    const secret = token();
    const now = this.clock();
    const expiresAt = new Date(
      now.getTime() + this.options.sessionTtlHours * 3600_000,
    ).toISOString();
    await this.store.db
      .insertInto('session')
      .values({
        token_hash: sha256(secret),
        user_id: userId,
        created_at: now.toISOString(),
        expires_at: expiresAt,
      })
      .execute();
    return { token: secret, expiresAt };
  }

  async closeSession(secret: string): Promise<void> {
    await this.store.db.deleteFrom('session').where('token_hash', '=', sha256(secret)).execute();
  }

  async actorForSession(secret: string): Promise<{ actor: Actor; user: User } | null> {
    const now = this.clock().toISOString();
    const row = await this.reader.db
      .selectFrom('session')
      .innerJoin('app_user', 'app_user.id', 'session.user_id')
      .selectAll('app_user')
      .select('session.expires_at')
      .where('session.token_hash', '=', sha256(secret))
      .executeTakeFirst();
    if (!row || row.expires_at < now || row.status !== 'active') return null;
    const user = userFromRow(row);
    return {
      user,
      actor: await this.withMembership({
        kind: 'user',
        id: user.id,
        organisationId: user.organisationId,
        role: user.role,
      }),
    };
  }

  /**
   * Users and keys of an organisation that is not a current member keep reading but lose
   * every write: their role counts as observer (the operator admin keeps its role).
   */
  private async withMembership(actor: Actor): Promise<Actor> {
    if (actor.role === 'operator_admin' || !actor.organisationId) return actor;
    const org = await this.reader.db
      .selectFrom('organisation')
      .select('status')
      .where('id', '=', actor.organisationId)
      .executeTakeFirst();
    if (org?.status === 'member') return { ...actor, member: true };
    return { ...actor, role: 'observer', member: false };
  }

  async createApiKey(
    actor: Actor,
    organisationId: string,
    input: unknown,
  ): Promise<{ apiKey: ApiKey; secret: string }> {
    const k = parseInput(ApiKeyInput, input);
    requireOrganisationRole(actor, organisationId, 'org_admin');
    if (actor.kind === 'apikey') throw forbidden('An API key cannot create API keys');
    return inTransaction(this.store, async (tx) => {
      if (
        !(await tx.db
          .selectFrom('organisation')
          .select('id')
          .where('id', '=', organisationId)
          .executeTakeFirst())
      )
        throw notFound(`Organisation ${organisationId} does not exist`);
      const secret = API_KEY_PREFIX + token();
      const row: ApiKeyTable = {
        id: newId(),
        organisation_id: organisationId,
        created_by: actorRef(actor),
        name: k.name,
        role: k.role,
        prefix: secret.slice(0, 10),
        key_hash: sha256(secret),
        created_at: this.clock().toISOString(),
        revoked_at: null,
      };
      await tx.db.insertInto('api_key').values(row).execute();
      const apiKey = apiKeyFromRow(row);
      await recordEvent(
        tx,
        { actor: actorRef(actor), organisationId, type: 'apikey.created', payload: apiKey },
        this.clock(),
      );
      return { apiKey, secret };
    });
  }

  async listApiKeys(actor: Actor, organisationId: string): Promise<ApiKey[]> {
    requireOrganisationRole(actor, organisationId, 'org_admin');
    const rows = await this.reader.db
      .selectFrom('api_key')
      .selectAll()
      .where('organisation_id', '=', organisationId)
      .orderBy('created_at')
      .execute();
    return rows.map(apiKeyFromRow);
  }

  async revokeApiKey(actor: Actor, keyId: string): Promise<ApiKey> {
    return inTransaction(this.store, async (tx) => {
      const row = await tx.db
        .selectFrom('api_key')
        .selectAll()
        .where('id', '=', keyId)
        .executeTakeFirst();
      if (!row) throw notFound(`API key ${keyId} does not exist`);
      requireOrganisationRole(actor, row.organisation_id, 'org_admin');
      if (actor.kind === 'apikey') throw forbidden('An API key cannot revoke API keys');
      if (row.revoked_at) throw conflict(`API key ${keyId} was revoked on ${row.revoked_at}`);
      const at = this.clock().toISOString();
      await tx.db.updateTable('api_key').set({ revoked_at: at }).where('id', '=', keyId).execute();
      const apiKey = apiKeyFromRow({ ...row, revoked_at: at });
      await recordEvent(
        tx,
        {
          actor: actorRef(actor),
          organisationId: row.organisation_id,
          type: 'apikey.revoked',
          payload: { id: keyId },
        },
        this.clock(),
      );
      return apiKey;
    });
  }

  async actorForApiKey(secret: string): Promise<Actor | null> {
    if (!secret.startsWith(API_KEY_PREFIX)) return null;
    const row = await this.reader.db
      .selectFrom('api_key')
      .selectAll()
      .where('key_hash', '=', sha256(secret))
      .executeTakeFirst();
    if (!row || row.revoked_at) return null;
    return this.withMembership({
      kind: 'apikey',
      id: row.id,
      organisationId: row.organisation_id,
      role: row.role as UserRole,
    });
  }
}

let dummy: Promise<string> | undefined;
/** A real argon2id hash of a random secret, verified against when the e-mail is unknown (same cost, same timing). */
const dummyHash = () => {
  dummy ??= argon2.hash(randomBytes(16).toString('hex'), { type: argon2.argon2id });
  return dummy;
};
