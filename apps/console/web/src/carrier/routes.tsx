import { Navigate, Route, Routes } from 'react-router';
import { InquiriesPage, QuotePage } from './InquiriesPages';
import { RateCardsPage, SettingsPage } from './RateCardsPage';
import { TransportNoticesPage } from './TransportNoticesPage';

export default function CarrierRoutes() {
  return (
    <Routes>
      <Route path="inquiries" element={<InquiriesPage />} />
      <Route path="inquiries/:inquiryId" element={<QuotePage />} />
      <Route path="transport-notices" element={<TransportNoticesPage />} />
      <Route path="rate-cards" element={<RateCardsPage />} />
      <Route path="settings" element={<SettingsPage />} />
      <Route path="*" element={<Navigate to="inquiries" replace />} />
    </Routes>
  );
}
