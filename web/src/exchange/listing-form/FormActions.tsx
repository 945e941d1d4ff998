import { useT } from '../../i18n/index.ts';
import { exchangeDict } from '../dict.ts';

/** Save (an edit), or publish / save as a draft (a new listing), and cancel. */
export function FormActions({
  editing,
  busy,
  back,
  onDraft,
}: {
  editing: boolean;
  busy: boolean;
  /** where cancel leads */
  back: string;
  onDraft: () => void;
}) {
  const t = useT(exchangeDict);
  return (
    <div className="form-actions">
      {editing ? (
        <button
          type="submit"
          className="btn btn-primary"
          disabled={busy}
          data-testid="save-listing"
        >
          {busy ? t('saving') : t('save')}
        </button>
      ) : (
        <>
          <button
            type="submit"
            className="btn btn-primary"
            disabled={busy}
            data-testid="publish-new"
          >
            {busy ? t('saving') : t('saveAndPublish')}
          </button>
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={onDraft}
            data-testid="save-draft"
          >
            {t('saveDraft')}
          </button>
        </>
      )}
      <a className="btn btn-ghost" href={back}>
        {t('cancel')}
      </a>
    </div>
  );
}
