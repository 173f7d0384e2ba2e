export { createTokenRepository, type TokenRepository } from './token.repository.js';
export { createTokenService, type TokenService, type FirstAdmin } from './token.service.js';
export { registerTokenRoutes } from './token.routes.js';
