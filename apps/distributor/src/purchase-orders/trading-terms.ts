/** Currencies the distributor trades in; suppliers and carriers price in the order's currency. */
export const TRADING_CURRENCIES = ['EUR'];
