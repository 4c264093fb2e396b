import { Navigate, Route, Routes } from 'react-router';
import { NewOrderPage } from './NewOrderPage';
import { OrderListPage } from './OrderListPage';
import { OrderPage } from './OrderPage';

export default function ProcurementRoutes() {
  return (
    <Routes>
      <Route path="orders" element={<OrderListPage />} />
      <Route path="orders/new" element={<NewOrderPage />} />
      <Route path="orders/:orderId" element={<OrderPage />} />
      <Route path="*" element={<Navigate to="orders" replace />} />
    </Routes>
  );
}
