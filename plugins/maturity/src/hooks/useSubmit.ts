import { type FormEvent, useState } from 'react';

/**
 * A dialog form's submission: `send` runs once per submit (unless `ready`
 * says the form is not complete), with `busy` while it runs and the error it
 * threw kept to show; `onDone` after it succeeded.
 */
export function useSubmit(options: {
  send: () => Promise<unknown>;
  onDone: () => void;
  ready?: () => boolean;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (options.ready && !options.ready()) return;
    setBusy(true);
    setError(undefined);
    try {
      await options.send();
      options.onDone();
    } catch (err) {
      setError(err as Error);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit };
}
