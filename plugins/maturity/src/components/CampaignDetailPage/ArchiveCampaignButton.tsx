import { ResponseErrorPanel } from '@backstage/core-components';
import { useApi } from '@backstage/frontend-plugin-api';
import Archive from '@material-ui/icons/Archive';
import Alert from '@mui/material/Alert';
import Button from '@mui/material/Button';
import Dialog from '@mui/material/Dialog';
import DialogActions from '@mui/material/DialogActions';
import DialogContent from '@mui/material/DialogContent';
import DialogContentText from '@mui/material/DialogContentText';
import DialogTitle from '@mui/material/DialogTitle';
import type { Campaign } from '@roadmap/plugin-maturity-common';
import { useState } from 'react';
import { maturityApiRef } from '../../api/MaturityApi';

/**
 * "Archive", after a confirmation: the campaign stops being tracked and
 * keeps its history. Sent with the version read (409 when stale).
 */
export function ArchiveCampaignButton(props: {
  campaign: Campaign;
  onArchived: () => void;
}) {
  const api = useApi(maturityApiRef);
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<Error>();
  const archive = async () => {
    setBusy(true);
    setError(undefined);
    try {
      await api.archiveCampaign(props.campaign.id, props.campaign.version);
      setOpen(false);
      props.onArchived();
    } catch (e) {
      setError(e as Error);
    } finally {
      setBusy(false);
    }
  };
  const stale = (error as { statusCode?: number })?.statusCode === 409;
  return (
    <>
      <Button startIcon={<Archive />} onClick={() => setOpen(true)}>
        Archive
      </Button>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        aria-labelledby="archive-campaign-title"
      >
        <DialogTitle id="archive-campaign-title">
          Archive “{props.campaign.title}”?
        </DialogTitle>
        <DialogContent>
          <DialogContentText>
            It stops being tracked and sends no more notifications; its phases,
            progress and history are kept and stay readable here.
          </DialogContentText>
          {stale && (
            <Alert severity="warning" sx={{ mt: 2 }}>
              This campaign was changed by someone else — reload the page to see
              their changes.
            </Alert>
          )}
          {error && !stale && <ResponseErrorPanel error={error} />}
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>Cancel</Button>
          <Button onClick={archive} disabled={busy} variant="contained">
            {busy ? 'Archiving…' : 'Archive'}
          </Button>
        </DialogActions>
      </Dialog>
    </>
  );
}
