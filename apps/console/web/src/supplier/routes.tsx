import { Navigate, Route, Routes } from 'react-router';
import { DispatchNoticesPage, ReservationsPage, StockPage } from './ListsPages';
import { InboxPage } from './InboxPage';
import { InquiryPage } from './InquiryPage';
import { SettingsPage } from './SettingsPage';

export default function SupplierRoutes() {
  return (
    <Routes>
      <Route path="inquiries" element={<InboxPage />} />
      <Route path="inquiries/:inquiryId" element={<InquiryPage />} />
      <Route path="reservations" element={<ReservationsPage />} />
      <Route path="dispatch-notices" element={<DispatchNoticesPage />} />
      <Route path="stock" element={<StockPage />} />
      <Route path="settings" element={<SettingsPage />} />
      <Route path="*" element={<Navigate to="inquiries" replace />} />
    </Routes>
  );
}
