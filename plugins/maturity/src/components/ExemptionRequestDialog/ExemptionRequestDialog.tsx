import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import { useState } from 'react';
import { maturityApiRef } from '../../api/MaturityApi';
import { useSubmit } from '../../hooks/useSubmit';
import { todayIso } from '../../campaigns/formatDay';

const DAY_MS = 86_400_000;

function inDays(days: number): string {
  return todayIso(new Date(Date.now() + days * DAY_MS));
}

/**
 * "Request exemption" for one check of an entity: why, and until when (at
 * most a year, as the API allows). An approver decides; until then the
 * check shows the request.
 *
 * @public
 */
export function ExemptionRequestDialog(props: {
  entityRef: string;
  check: { checkId: string; title: string };
  onClose: () => void;
  onRequested: () => void;
}) {
  const api = useApi(maturityApiRef);
  const [reason, setReason] = useState('');
  const [expires, setExpires] = useState(inDays(90));
  const [touched, setTouched] = useState(false);
  const min = todayIso();
  const max = inDays(366);
  const reasonError =
    touched && !reason.trim()
      ? 'Say why the check does not apply or must wait'
      : undefined;
  const expiresError =
    touched && (!expires || expires < min || expires > max)
      ? `A day from ${min} to ${max}`
      : undefined;

  const { busy, error, submit } = useSubmit({
    ready: () => {
      setTouched(true);
      return Boolean(
        reason.trim() && expires && expires >= min && expires <= max,
      );
    },
    send: () =>
      api.requestExemption({
        entityRef: props.entityRef,
        checkId: props.check.checkId,
        reason: reason.trim(),
        expires,
      }),
    onDone: props.onRequested,
  });

  return (
    <Dialog
      open
      onClose={props.onClose}
      aria-labelledby="exemption-request-title"
      fullWidth
      maxWidth="sm"
    >
      <form onSubmit={submit} noValidate>
        <DialogTitle id="exemption-request-title">
          Request an exemption: {props.check.title}
        </DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            An approver decides. Until the exemption expires the check counts as
            met, and the roadmap shows who approved it.
          </DialogContentText>
          <TextField
            label="Reason"
            multiline
            minRows={3}
            fullWidth
            required
            value={reason}
            onChange={e => setReason(e.target.value)}
            error={Boolean(reasonError)}
            helperText={reasonError}
            inputProps={{ maxLength: 2000 }}
            sx={{ mb: 2 }}
          />
          <TextField
            label="Expires"
            type="date"
            required
            value={expires}
            onChange={e => setExpires(e.target.value)}
            error={Boolean(expiresError)}
            helperText={expiresError ?? 'The last day it holds'}
            InputLabelProps={{ shrink: true }}
            inputProps={{ min, max }}
          />
          {error && <ResponseErrorPanel error={error} />}
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {busy ? 'Sending…' : 'Request exemption'}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
