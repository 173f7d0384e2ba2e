export { createContractRepository, type ContractRepository } from './contract.repository.js';
export { createContractService, type ContractService, type ProductsOnContract } from './contract.service.js';
export { registerContractRoutes } from './contract.routes.js';
