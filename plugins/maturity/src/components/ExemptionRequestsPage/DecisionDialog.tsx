import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import TextField from '@mui/material/TextField';
import type { ExemptionRequest } from '@roadmap/plugin-maturity-common';
import { useState } from 'react';
import { maturityApiRef } from '../../api/MaturityApi';
import { useSubmit } from '../../hooks/useSubmit';
import { formatDay } from '../../campaigns/formatDay';

/** The decision an approver takes on a request. */
export type Decision = 'approve' | 'deny' | 'revoke';

const WORDS: Record<Decision, { verb: string; effect: string }> = {
  approve: {
    verb: 'Approve',
    effect:
      'The check counts as met until the exemption expires; the service is scored again now.',
  },
  deny: {
    verb: 'Deny',
    effect: 'The check keeps counting; the requester sees your comment.',
  },
  revoke: {
    verb: 'Revoke',
    effect: 'The exemption ends now; the service is scored again now.',
  },
};

/** Approve, deny or revoke one request, with an optional comment. */
export function DecisionDialog(props: {
  request: ExemptionRequest;
  checkTitle: string;
  decision: Decision;
  onClose: () => void;
  onDecided: () => void;
}) {
  const api = useApi(maturityApiRef);
  const [comment, setComment] = useState('');
  const { verb, effect } = WORDS[props.decision];
  const { request } = props;
  const { busy, error, submit } = useSubmit({
    send: () =>
      api.decideExemptionRequest(request.id, props.decision, {
        comment: comment.trim() || undefined,
      }),
    onDone: props.onDecided,
  });
  return (
    <Dialog
      open
      onClose={props.onClose}
      aria-labelledby="exemption-decision-title"
      fullWidth
      maxWidth="sm"
    >
      <form onSubmit={submit}>
        <DialogTitle id="exemption-decision-title">
          {verb}: {props.checkTitle} for{' '}
          {request.entityRef.replace(/^[a-z]+:default\//, '')}
        </DialogTitle>
        <DialogContent>
          <DialogContentText sx={{ mb: 2 }}>
            “{request.reason}” — until {formatDay(request.expires)}. {effect}
          </DialogContentText>
          <TextField
            label="Comment (optional)"
            multiline
            minRows={2}
            fullWidth
            value={comment}
            onChange={e => setComment(e.target.value)}
            inputProps={{ maxLength: 2000 }}
          />
          {error && <ResponseErrorPanel error={error} />}
        </DialogContent>
        <DialogActions>
          <Button onClick={props.onClose}>Cancel</Button>
          <Button type="submit" variant="contained" disabled={busy}>
            {busy ? 'Sending…' : verb}
          </Button>
        </DialogActions>
      </form>
    </Dialog>
  );
}
