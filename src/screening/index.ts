export { createScreeningService, type ScreeningService, type ChangeReport } from './screening.service.js';
