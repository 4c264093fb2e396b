import { Navigate, Route, Routes } from 'react-router';
import { FindOrderPage, OrderAuditPage } from './OrderAuditPage';
import { ReplayWindowPage } from './ReplayWindowPage';

export default function AuditRoutes() {
  return (
    <Routes>
      <Route path="orders" element={<FindOrderPage />} />
      <Route path="orders/:orderId" element={<OrderAuditPage />} />
      <Route path="replays" element={<ReplayWindowPage />} />
      <Route path="*" element={<Navigate to="orders" replace />} />
    </Routes>
  );
}
