// Users, invitations, sessions and API keys of organisations. Logins and sessions are not
// domain events; every other change is, carrying the full new state (never a secret or hash).
import { createHash, randomBytes } from 'node:crypto';
import argon2 from 'argon2';
import { z } from 'zod';
import { inTransaction, recordEvent } from '../journal/index.ts';
import {
  type Actor,
  actorRef,
  common,
  conflict,
  forbidden,
  invalid,
  isOperator,
  type Lang,
  notFound,
  Password,
  parseInput,
  requireOperator,
  requireOrganisationRole,
  requireOwnOrOperator,
  type UserRole,
} from '../model/index.ts';
import type { Reader, Store, Tx } from '../store/index.ts';
import { newId } from './ids.ts';
import { messages } from './messages.ts';
import { hashPassword, verifyPassword } from './passwords.ts';
import * as repo from './repository.ts';
import {
  type ApiKey,
  ApiKeyInput,
  InvitationAccept,
  InvitationInput,
  type InvitationPreview,
  InvitationPreviewInput,
  PasswordChange,
  PasswordResetAccept,
  type User,
  UserPatch,
} from './schema.ts';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const token = (bytes = 32) => randomBytes(bytes).toString('base64url');
const INVITATION_DAYS = 14;
/** A reset link is for now, not for a drawer: it lasts a day. */
const RESET_HOURS = 24;
/** A key is `dck_` + 32 random bytes; only its sha256 is stored (high entropy makes a slow hash unnecessary). */
const API_KEY_PREFIX = 'dck_';

/** One account per e-mail address (kept lower-case). */
export async function requireFreeEmail(tx: Tx, email: string, field = 'email'): Promise<void> {
  if (await repo.userIdByEmail(tx, email))
    throw conflict(messages.emailTaken(), [{ field, message: messages.alreadyRegistered() }]);
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

  private event(
    tx: Tx,
    actor: Actor | string,
    organisationId: string,
    type: string,
    payload: unknown,
  ) {
    const who = typeof actor === 'string' ? actor : actorRef(actor);
    return recordEvent(tx, { actor: who, organisationId, type, payload }, this.clock());
  }

  /** Creates an active user with a password (the seed, the operator's own set-up). */
  async createUser(
    actor: Actor,
    organisationId: string,
    input: { email: string; name: string; role: UserRole; password: string },
  ): Promise<User> {
    requireOrganisationRole(actor, organisationId, 'org_admin');
    if (input.role === 'operator_admin' && !isOperator(actor))
      throw forbidden(messages.operatorCreatesOperators());
    parseInput(z.object({ password: Password }), { password: input.password });
    const hash = await hashPassword(input.password);
    return inTransaction(this.store, async (tx) => {
      const email = input.email.toLowerCase();
      await requireFreeEmail(tx, email);
      const row: repo.UserTable = {
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
      await repo.insertUser(tx, row);
      const user = repo.userFromRow(row);
      await this.event(tx, actor, organisationId, 'user.created', user);
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
      if (!(await repo.organisationExists(tx, organisationId)))
        throw notFound(messages.organisationNotFound({ id: organisationId }));
      const email = i.email.toLowerCase();
      const now = this.clock();
      // No enumeration (F8): an address registered in another organisation is not named.
      // The admin gets the ordinary answer with a token that opens nothing; the operator
      // finds the duplicate in the journal. Within one's own organisation it is said.
      const holder = await repo.userRowByEmail(tx, email);
      if (holder && holder.organisation_id !== organisationId) {
        const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86400_000).toISOString();
        const user: User = repo.userFromRow({
          ...holder,
          id: newId(),
          organisation_id: organisationId,
          name: i.name,
          role: i.role,
          locale: 'ru',
          status: 'pending',
          password_hash: null,
          created_at: now.toISOString(),
        });
        await this.event(tx, actor, organisationId, 'user.inviteDuplicate', {
          email,
          name: i.name,
          role: i.role,
        });
        return { user, token: token(), expiresAt };
      }
      // one's own colleague invited and not yet joined: said as such, not as «registered»
      if (holder?.status === 'pending')
        throw conflict(messages.alreadyInvited(), [
          { field: 'email', message: messages.invitedAlready() },
        ]);
      await requireFreeEmail(tx, email);
      const row: repo.UserTable = {
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
      await repo.insertUser(tx, row);
      const secret = token();
      const expiresAt = new Date(now.getTime() + INVITATION_DAYS * 86400_000).toISOString();
      await repo.insertInvitation(tx, {
        token_hash: sha256(secret),
        user_id: row.id,
        created_at: now.toISOString(),
        expires_at: expiresAt,
        accepted_at: null,
      });
      const user = repo.userFromRow(row);
      await this.event(tx, actor, organisationId, 'user.invited', { user, expiresAt });
      return { user, token: secret, expiresAt };
    });
  }

  private usable(i: repo.InvitationTable | undefined): i is repo.InvitationTable {
    return !!i && !i.accepted_at && i.expires_at >= this.clock().toISOString();
  }

  private refusedInvitation() {
    return invalid(messages.invitationInvalid(), [
      { field: 'token', message: messages.notAnInvitation() },
    ]);
  }

  /**
   * What an invitation link invites to, for its page: the address, the name the admin gave,
   * the role and the organisation. The token is the invitee's secret (sent in the body, not
   * the URL, so that it stays out of access logs); an unusable one reads as at acceptance.
   */
  async invitationPreview(input: unknown): Promise<InvitationPreview> {
    const { token } = parseInput(InvitationPreviewInput, input);
    const invitation = await repo.invitationByToken(this.reader, sha256(token));
    if (!this.usable(invitation)) throw this.refusedInvitation();
    const row = await repo.userRow(this.reader, invitation.user_id);
    const organisation = row && (await repo.findOrganisation(this.reader, row.organisation_id));
    if (!row || !organisation) throw this.refusedInvitation();
    return {
      email: row.email,
      name: row.name,
      role: repo.userFromRow(row).role,
      organisation: {
        id: organisation.id,
        name: organisation.name,
        ...(organisation.nameEn ? { nameEn: organisation.nameEn } : {}),
      },
      expiresAt: invitation.expires_at,
    };
  }

  /** `lang`: the language the invitee accepted in, which becomes theirs */
  async acceptInvitation(input: unknown, lang?: Lang): Promise<User> {
    const a = parseInput(InvitationAccept, input);
    // The token first (F4): a made-up token costs a lookup, not an argon2 hash.
    if (!this.usable(await repo.invitationByToken(this.reader, sha256(a.token))))
      throw this.refusedInvitation();
    const hash = await hashPassword(a.password);
    return inTransaction(this.store, async (tx) => {
      const invitation = await repo.invitationByToken(tx, sha256(a.token));
      const now = this.clock();
      // again inside the transaction: a parallel accept of the same token loses here
      if (!this.usable(invitation)) throw this.refusedInvitation();
      await repo.markInvitationAccepted(tx, invitation.token_hash, now.toISOString());
      await repo.updateUser(tx, invitation.user_id, {
        status: 'active',
        password_hash: hash,
        ...(a.name ? { name: a.name } : {}),
        ...(lang ? { locale: lang } : {}),
      });
      const row = await repo.userRow(tx, invitation.user_id);
      if (!row) throw notFound(messages.userNotFound({ id: invitation.user_id }));
      const user = repo.userFromRow(row);
      await this.event(tx, user.id, user.organisationId, 'user.joined', user);
      return user;
    });
  }

  async listUsers(actor: Actor, organisationId: string): Promise<User[]> {
    requireOwnOrOperator(actor, organisationId);
    return repo.usersOf(this.reader, organisationId);
  }

  /** Admins change role and status of their colleagues; everyone may change their own name and language. */
  async updateUser(actor: Actor, userId: string, patch: unknown): Promise<User> {
    const p = parseInput(UserPatch, patch);
    return inTransaction(this.store, async (tx) => {
      const row = await repo.userRow(tx, userId);
      if (!row) throw notFound(messages.userNotFound({ id: userId }));
      const self = actor.kind === 'user' && actor.id === userId;
      if (!(self && p.role === undefined && p.status === undefined)) {
        requireOrganisationRole(actor, row.organisation_id, 'org_admin');
        if (row.role === 'operator_admin' && !isOperator(actor))
          throw forbidden(messages.operatorChangesOperators());
      }
      // An organisation keeps an active admin of its own: the last one is neither demoted nor
      // disabled by a member (the operator, who administers every organisation, may).
      const leavesAdmins =
        row.role === 'org_admin' &&
        row.status === 'active' &&
        ((p.role !== undefined && p.role !== 'org_admin') || p.status === 'disabled');
      if (leavesAdmins && !isOperator(actor)) {
        const admins = (await repo.usersOf(tx, row.organisation_id)).filter(
          (u) => u.role === 'org_admin' && u.status === 'active' && u.id !== userId,
        );
        if (admins.length === 0) throw conflict(messages.lastAdmin());
      }
      const set: Partial<repo.UserTable> = {};
      if (p.name !== undefined) set.name = p.name;
      if (p.role !== undefined) set.role = p.role;
      if (p.locale !== undefined) set.locale = p.locale;
      if (p.status !== undefined) set.status = p.status;
      if (Object.keys(set).length === 0) return repo.userFromRow(row);
      await repo.updateUser(tx, userId, set);
      if (p.status === 'disabled') await repo.deleteSessionsOf(tx, userId);
      const user = repo.userFromRow({ ...row, ...set });
      await this.event(tx, actor, row.organisation_id, 'user.updated', user);
      return user;
    });
  }

  /**
   * An admin withdraws an invitation not yet accepted: its link stops working and the pending
   * user goes, so the address can be invited again. A user who joined is disabled instead.
   */
  async withdrawInvitation(actor: Actor, userId: string): Promise<User> {
    return inTransaction(this.store, async (tx) => {
      const row = await repo.userRow(tx, userId);
      if (!row) throw notFound(messages.userNotFound({ id: userId }));
      requireOrganisationRole(actor, row.organisation_id, 'org_admin');
      if (row.status !== 'pending') throw conflict(messages.invitationAlreadyAccepted());
      const user = repo.userFromRow(row);
      await repo.deletePendingUser(tx, userId);
      await this.event(tx, actor, row.organisation_id, 'user.invitationWithdrawn', { user });
      return user;
    });
  }

  /** Checks a password; returns the user or null. Always runs argon2 so timing does not reveal unknown e-mails. */
  async authenticate(email: string, password: string): Promise<User | null> {
    const row = await repo.userRowByEmail(this.reader, email);
    const hash = row?.password_hash ?? (await dummyHash());
    const ok = await verifyPassword(hash, password);
    if (row && ok && row.status !== 'active') await this.refuseApplicant(row.organisation_id);
    if (!row || !ok) await this.refuseDuplicateApplicant(email, password);
    if (!row || !ok || row.status !== 'active') return null;
    return repo.userFromRow(row);
  }

  /**
   * H6: the right password of an applicant's admin, while the application waits or after its
   * rejection, is told so (in the user's language). Only the right password learns it: a
   * wrong one gets the generic answer, so this tells nobody else who has applied.
   */
  private async refuseApplicant(organisationId: string): Promise<void> {
    const org = await repo.organisationStatus(this.reader, organisationId);
    if (org?.status === 'applicant') throw forbidden(messages.loginApplicationPending());
    if (org?.status === 'rejected') throw forbidden(messages.loginApplicationRejected());
  }

  /**
   * The admin named by an application that duplicated a hidden record (F8) logs in with its
   * password: "pending", as a new applicant would be told, so the login does not tell a
   * duplicate from a new application. Costs a hash check only when such a duplicate exists.
   */
  private async refuseDuplicateApplicant(email: string, password: string): Promise<void> {
    for (const hash of await repo.duplicateApplicantHashes(this.reader, email.toLowerCase()))
      if (await verifyPassword(hash, password)) throw forbidden(messages.loginApplicationPending());
  }

  /**
   * Changes one's own password, given the current one; every other session of the user ends
   * (whoever knew the old password is logged out), the caller's stays. The event carries the
   * user's state, never a hash.
   */
  async changePassword(userId: string, keepSession: string, input: unknown): Promise<User> {
    const c = parseInput(PasswordChange, input);
    const row = await repo.userRow(this.reader, userId);
    if (!row?.password_hash) throw notFound(messages.userNotFound({ id: userId }));
    if (!(await verifyPassword(row.password_hash, c.currentPassword)))
      throw invalid(messages.wrongCurrentPassword(), [
        { field: 'currentPassword', message: messages.notYourPassword() },
      ]);
    // a change that changes nothing would still end the other sessions and read as done
    if (c.newPassword === c.currentPassword)
      throw invalid(common.invalidInput(), [
        { field: 'newPassword', message: messages.sameAsCurrent() },
      ]);
    const hash = await hashPassword(c.newPassword);
    return inTransaction(this.store, async (tx) => {
      await repo.updateUser(tx, userId, { password_hash: hash });
      await repo.deleteOtherSessions(tx, userId, sha256(keepSession));
      const user = repo.userFromRow(row);
      await this.event(tx, userId, user.organisationId, 'user.passwordChanged', user);
      return user;
    });
  }

  /**
   * The operator issues a password-reset link for an active user (who forgot the password):
   * shown once, only its hash kept, valid for a day; a newer link retires the older ones.
   * The event carries the user and the expiry, never the token.
   */
  async issuePasswordReset(
    actor: Actor,
    userId: string,
  ): Promise<{ user: User; token: string; expiresAt: string }> {
    requireOperator(actor);
    return inTransaction(this.store, async (tx) => {
      const row = await repo.userRow(tx, userId);
      if (!row) throw notFound(messages.userNotFound({ id: userId }));
      if (row.status !== 'active')
        throw conflict(messages.resetNeedsActiveUser({ email: row.email }));
      const now = this.clock();
      const secret = token();
      const expiresAt = new Date(now.getTime() + RESET_HOURS * 3600_000).toISOString();
      await repo.retirePasswordResetsOf(tx, userId, now.toISOString());
      await repo.insertPasswordReset(tx, {
        token_hash: sha256(secret),
        user_id: userId,
        created_by: actorRef(actor),
        created_at: now.toISOString(),
        expires_at: expiresAt,
        used_at: null,
      });
      const user = repo.userFromRow(row);
      await this.event(tx, actor, row.organisation_id, 'user.passwordResetIssued', {
        user,
        expiresAt,
      });
      return { user, token: secret, expiresAt };
    });
  }

  /**
   * Sets a new password through a reset link: the link works once and until it expires, and
   * every session of the user ends (whoever was logged in with the old password is out).
   */
  async acceptPasswordReset(input: unknown): Promise<User> {
    const a = parseInput(PasswordResetAccept, input);
    const usable = (r: repo.PasswordResetTable | undefined): r is repo.PasswordResetTable =>
      !!r && !r.used_at && r.expires_at >= this.clock().toISOString();
    const refused = () =>
      invalid(messages.resetInvalid(), [{ field: 'token', message: messages.notAResetLink() }]);
    // The token first (F4): a made-up token costs a lookup, not an argon2 hash.
    if (!usable(await repo.passwordResetByToken(this.reader, sha256(a.token)))) throw refused();
    const hash = await hashPassword(a.password);
    return inTransaction(this.store, async (tx) => {
      const reset = await repo.passwordResetByToken(tx, sha256(a.token));
      // again inside the transaction, and marked only if still unused: a parallel use loses
      if (!usable(reset)) throw refused();
      const now = this.clock().toISOString();
      if (!(await repo.markPasswordResetUsed(tx, reset.token_hash, now))) throw refused();
      const row = await repo.userRow(tx, reset.user_id);
      if (row?.status !== 'active') throw refused();
      await repo.updateUser(tx, row.id, { password_hash: hash });
      await repo.deleteSessionsOf(tx, row.id);
      const user = repo.userFromRow(row);
      await this.event(tx, user.id, user.organisationId, 'user.passwordReset', user);
      return user;
    });
  }

  /** Ends every session of the user but the caller's; logins and sessions are not events. */
  async endOtherSessions(userId: string, keepSession: string): Promise<number> {
    return repo.deleteOtherSessions(this.store, userId, sha256(keepSession));
  }

  /** Logins are not domain events: the session row is written on its own. */
  async openSession(userId: string): Promise<{ token: string; expiresAt: string }> {
    const secret = token();
    const now = this.clock();
    const expiresAt = new Date(
      now.getTime() + this.options.sessionTtlHours * 3600_000,
    ).toISOString();
    await repo.insertSession(this.store, {
      token_hash: sha256(secret),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: expiresAt,
    });
    return { token: secret, expiresAt };
  }

  async closeSession(secret: string): Promise<void> {
    await repo.deleteSession(this.store, sha256(secret));
  }

  async actorForSession(secret: string): Promise<{ actor: Actor; user: User } | null> {
    const now = this.clock().toISOString();
    const row = await repo.sessionUser(this.reader, sha256(secret));
    if (!row || row.expires_at < now || row.status !== 'active') return null;
    const user = repo.userFromRow(row);
    return {
      user,
      actor: withMembership(
        { kind: 'user', id: user.id, organisationId: user.organisationId, role: user.role },
        row.organisation_status,
      ),
    };
  }

  async createApiKey(
    actor: Actor,
    organisationId: string,
    input: unknown,
  ): Promise<{ apiKey: ApiKey; secret: string }> {
    const k = parseInput(ApiKeyInput, input);
    requireOrganisationRole(actor, organisationId, 'org_admin');
    if (actor.kind === 'apikey') throw forbidden(messages.apiKeyCannotCreateKeys());
    return inTransaction(this.store, async (tx) => {
      if (!(await repo.organisationExists(tx, organisationId)))
        throw notFound(messages.organisationNotFound({ id: organisationId }));
      const secret = API_KEY_PREFIX + token();
      const row: repo.ApiKeyTable = {
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
      await repo.insertApiKey(tx, row);
      const apiKey = repo.apiKeyFromRow(row);
      await this.event(tx, actor, organisationId, 'apikey.created', apiKey);
      return { apiKey, secret };
    });
  }

  async listApiKeys(actor: Actor, organisationId: string): Promise<ApiKey[]> {
    requireOrganisationRole(actor, organisationId, 'org_admin');
    return repo.apiKeysOf(this.reader, organisationId);
  }

  async revokeApiKey(actor: Actor, keyId: string): Promise<ApiKey> {
    return inTransaction(this.store, async (tx) => {
      const row = await repo.apiKeyRow(tx, keyId);
      if (!row) throw notFound(messages.apiKeyNotFound({ id: keyId }));
      requireOrganisationRole(actor, row.organisation_id, 'org_admin');
      if (actor.kind === 'apikey') throw forbidden(messages.apiKeyCannotRevokeKeys());
      if (row.revoked_at)
        throw conflict(messages.apiKeyRevoked({ id: keyId, revokedAt: row.revoked_at }));
      const at = this.clock().toISOString();
      await repo.revokeApiKeyRow(tx, keyId, at);
      const apiKey = repo.apiKeyFromRow({ ...row, revoked_at: at });
      await this.event(tx, actor, row.organisation_id, 'apikey.revoked', apiKey);
      return apiKey;
    });
  }

  async actorForApiKey(secret: string): Promise<Actor | null> {
    if (!secret.startsWith(API_KEY_PREFIX)) return null;
    const row = await repo.apiKeyRowByHash(this.reader, sha256(secret));
    if (!row || row.revoked_at) return null;
    const org = await repo.organisationStatus(this.reader, row.organisation_id);
    return withMembership(
      {
        kind: 'apikey',
        id: row.id,
        organisationId: row.organisation_id,
        role: row.role as UserRole,
      },
      org?.status,
    );
  }
}

/**
 * Users and keys of an organisation that is not a current member keep reading but lose
 * every write: their role counts as observer (the operator admin keeps its role).
 */
function withMembership(actor: Actor, organisationStatus: string | undefined): Actor {
  if (actor.role === 'operator_admin' || !actor.organisationId) return actor;
  if (organisationStatus === 'member') return { ...actor, member: true };
  return { ...actor, role: 'observer', member: false };
}

let dummy: Promise<string> | undefined;
/** A real argon2id hash of a random secret, verified against when the e-mail is unknown (same cost, same timing). */
const dummyHash = () => {
  dummy ??= argon2.hash(randomBytes(16).toString('hex'), { type: argon2.argon2id });
  return dummy;
};
