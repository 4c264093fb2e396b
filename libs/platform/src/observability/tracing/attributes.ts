/**
 * Which service made a span. One process runs one service in production (its resource says
 * so); the test stack runs all five in one, where only this attribute tells them apart.
 */
export const SERVICE_ATTRIBUTE = 'tradelane.service';
