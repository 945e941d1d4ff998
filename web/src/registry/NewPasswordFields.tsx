import { isStrongPassword } from '../../../src/model/password-rule.ts';
import { useT } from '../i18n/index.ts';
import { Field } from '../shell/ui.tsx';
import { accountDict } from './accountDict.ts';

/**
 * A new password typed twice, as the account page and the reset link ask it. `name` is the
 * field the server's own refusal names (newPassword or password), so its message lands here.
 */
export function NewPasswordFields({
  name,
  value,
  onChange,
  repeat,
  onRepeat,
  errors,
}: {
  name: string;
  value: string;
  onChange: (v: string) => void;
  repeat: string;
  onRepeat: (v: string) => void;
  errors: Record<string, string | undefined>;
}) {
  const a = useT(accountDict);
  return (
    <>
      <Field label={a('newPassword')} error={errors[name]} hint={a('passwordRule')}>
        {(p) => (
          <input
            {...p}
            name={name}
            type="password"
            autoComplete="new-password"
            value={value}
            onChange={(e) => onChange(e.target.value)}
            required
          />
        )}
      </Field>
      <Field label={a('repeatPassword')} error={errors.repeat}>
        {(p) => (
          <input
            {...p}
            name="repeatPassword"
            type="password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => onRepeat(e.target.value)}
            required
          />
        )}
      </Field>
    </>
  );
}

/** The browser's check of a new password before it is sent: the rule, then the repeat. */
export function newPasswordProblems(
  name: string,
  value: string,
  repeat: string,
  say: (key: 'errPasswordRule' | 'errRepeat') => string,
): Record<string, string> {
  if (!isStrongPassword(value)) return { [name]: say('errPasswordRule') };
  if (value !== repeat) return { repeat: say('errRepeat') };
  return {};
}
