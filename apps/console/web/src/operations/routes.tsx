import { Navigate, Route, Routes } from 'react-router';
import { CompensationsPage } from './CompensationsPage';
import { OrganisationPage, OrganisationsPage } from './OrganisationsPages';
import { PartyTermsPage } from './PartyTermsPage';

export default function OperationsRoutes() {
  return (
    <Routes>
      <Route path="compensations" element={<CompensationsPage />} />
      <Route path="party-terms" element={<PartyTermsPage />} />
      <Route path="organisations" element={<OrganisationsPage />} />
      <Route path="organisations/:organisationId" element={<OrganisationPage />} />
      <Route path="*" element={<Navigate to="compensations" replace />} />
    </Routes>
  );
}
