import { Route, Routes } from 'react-router-dom';
import { MaturityPage } from '../MaturityPage';
import { TeamMaturityPage } from '../TeamMaturityPage';

/**
 * The plugin's page: the overview, and one team's view at
 * `team/:namespace/:name`.
 *
 * @public
 */
export function MaturityRouter() {
  return (
    <Routes>
      <Route path="/" element={<MaturityPage />} />
      <Route path="/team/:namespace/:name" element={<TeamMaturityPage />} />
    </Routes>
  );
}
