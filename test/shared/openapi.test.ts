import { expect } from 'chai';
import { startTestApp, type TestApp } from '../support/test-app.js';

const toOpenApiPath = (path: string): string => path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

describe('OpenAPI document and /docs', () => {
  let t: TestApp;
  let doc: any;
  before(async () => {
    t = await startTestApp();
    doc = (await t.as(undefined).get('/openapi.json')).body;
  });
  after(async () => {
    await t.close();
  });

  it('when /openapi.json is fetched without a token, then it is an OpenAPI 3.1 document of this chemreg', () => {
    expect(doc.openapi).to.equal('3.1.0');
    expect(doc.info.title).to.equal('chemreg API');
    expect(doc.components.securitySchemes.bearer).to.deep.include({ type: 'http', scheme: 'bearer' });
  });

  it('when a route is mounted, then the document lists it with its method, summary and access rule, and nothing else', () => {
    const mounted = t.app.apis.flatMap((api) => api.routes.map((r) => `${r.method} ${toOpenApiPath(api.basePath + r.path)}`)).sort();
    const documented = Object.entries(doc.paths as Record<string, Record<string, any>>)
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method} ${path}`))
      .sort();
    expect(documented).to.deep.equal(mounted);
    for (const api of t.app.apis) {
      for (const route of api.routes) {
        const op = doc.paths[toOpenApiPath(api.basePath + route.path)][route.method];
        expect(op.summary, `${route.method} ${route.path}`).to.be.a('string').and.not.empty;
        expect(op.description).to.match(route.roles === 'public' ? /no token needed/ : /roles: /);
        if (route.roles === 'public') expect(op.security).to.deep.equal([]);
        else expect(op.responses['401'].content['application/json'].schema.$ref).to.equal('#/components/schemas/Error');
      }
    }
  });

  it('when an operation takes a body, an id or query filters, then their schemas come from the zod declarations', () => {
    const create = doc.paths['/api/v1/suppliers'].post;
    expect(create.requestBody.content['application/json'].schema.$ref).to.equal('#/components/schemas/SupplierCreate');
    const supplierCreate = doc.components.schemas.SupplierCreate;
    expect(supplierCreate.required).to.include.members(['name', 'orgNumber']);
    expect(supplierCreate.additionalProperties).to.equal(false);
    const listProducts = doc.paths['/api/v1/products'].get;
    const names = (listProducts.parameters as { name: string; in: string }[]).map((p) => `${p.in}:${p.name}`);
    expect(names).to.include.members(['query:supplierId', 'query:contractId', 'query:category', 'query:kind', 'query:q', 'query:limit', 'query:offset']);
    const getProduct = doc.paths['/api/v1/products/{id}'].get;
    const id = (getProduct.parameters as { name: string }[]).find((p) => p.name === 'id');
    expect(id).to.deep.include({ in: 'path', required: true, schema: { $ref: '#/components/schemas/Id' } });
  });

  it('when an operation takes a file upload, then its body is documented as multipart/form-data with one binary field, and a PDF download as binary', () => {
    const upload = doc.paths['/api/v1/products/{id}/sds'].post;
    expect(Object.keys(upload.requestBody.content)).to.deep.equal(['multipart/form-data']);
    const form = upload.requestBody.content['multipart/form-data'].schema;
    expect(form.required).to.deep.equal(['file']);
    expect(form.properties.file).to.include({ type: 'string', format: 'binary' });
    expect(form.additionalProperties).to.equal(false);
    expect(Object.keys(upload.responses)).to.include.members(['200', '201', '400', '404', '413', '415', '422']);
    expect(upload.responses['201'].content['application/json'].schema.$ref).to.equal('#/components/schemas/SdsRevision');
    const download = doc.paths['/api/v1/sds/{id}/file'].get;
    expect(download.responses['200'].content['application/pdf'].schema).to.deep.equal({ type: 'string', format: 'binary' });
    expect(doc.components.schemas.Error.properties.code.enum).to.include.members(['NOT_A_PDF', 'PDF_CORRUPT', 'PDF_ENCRYPTED', 'PDF_TOO_COMPLEX', 'NOT_AN_SDS', 'PDF_EMPTY']);
  });

  it('when /docs is opened, then Swagger UI loads and is pointed at /openapi.json', async () => {
    const anonymous = t.as(undefined);
    const page = await anonymous.get('/docs/');
    expect(page.status).to.equal(200);
    expect(page.body).to.include('swagger-ui-bundle.js');
    const init = await anonymous.get('/docs/swagger-initializer.js');
    expect(init.status).to.equal(200);
    expect(init.body).to.include('url: "/openapi.json"');
    const bundle = await anonymous.get('/docs/swagger-ui-bundle.js');
    expect(bundle.status).to.equal(200);
  });
});
