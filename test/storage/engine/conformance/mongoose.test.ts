// Conformance: the mongoose 9 features chemreg relies on, run against the target.
import { expect } from 'chai';
import mongoose, { Schema, type Connection, type Model, type Types } from 'mongoose';
import { openTarget, type Target } from '../target.js';

interface Supplier {
  name: string;
  orgNo: string;
  country?: string;
  visits?: number;
}

interface Product {
  title: string;
  supplier: Types.ObjectId;
  createdAt?: Date;
  updatedAt?: Date;
}

describe('engine conformance: mongoose', function () {
  let target: Target | undefined;
  let conn: Connection | undefined;

  const supplierSchema = new Schema<Supplier>({
    name: { type: String, required: true },
    orgNo: { type: String, required: true, unique: true },
    country: String,
    visits: { type: Number, default: 0 },
  });
  const productSchema = new Schema<Product>(
    {
      title: { type: String, required: true },
      supplier: { type: Schema.Types.ObjectId, ref: 'Supplier', required: true },
    },
    { timestamps: true },
  );

  let SupplierModel: Model<Supplier>;
  let ProductModel: Model<Product>;

  before(async function () {
    target = await openTarget();
    conn = mongoose.createConnection(target.uri, { dbName: target.dbName, serverSelectionTimeoutMS: 5000 });
    await conn.asPromise();
    SupplierModel = conn.model<Supplier>('Supplier', supplierSchema);
    ProductModel = conn.model<Product>('Product', productSchema);
  });

  after(async function () {
    await conn?.close();
    await target?.close();
  });

  const Supplier = (): Model<Supplier> => SupplierModel;
  const Product = (): Model<Product> => ProductModel;

  it('when a model with a unique field is initialised and a duplicate is created, then create rejects with code 11000', async function () {
    // Arrange
    const Model = Supplier();
    await Model.init();
    await Model.create({ name: 'Acme', orgNo: '556000-0001' });
    // Act
    let caught: unknown;
    try {
      await Model.create({ name: 'Acme copy', orgNo: '556000-0001' });
    } catch (e) {
      caught = e;
    }
    // Assert
    expect(caught, 'duplicate create must reject').to.be.instanceOf(Error);
    expect((caught as { code?: number }).code).to.equal(11000);
    expect((caught as { keyValue?: unknown }).keyValue).to.deep.equal({ orgNo: '556000-0001' });
    expect(await Model.countDocuments({ orgNo: '556000-0001' })).to.equal(1);
  });

  it("when findOneAndUpdate upserts with returnDocument 'after', then the new document with schema defaults is returned", async function () {
    // Arrange
    const Model = Supplier();
    await Model.init();
    // Act
    const created = await Model.findOneAndUpdate(
      { orgNo: '556000-0002' },
      { $set: { name: 'Beta' } },
      { upsert: true, returnDocument: 'after', setDefaultsOnInsert: true },
    );
    const updated = await Model.findOneAndUpdate(
      { orgNo: '556000-0002' },
      { $inc: { visits: 1 } },
      { upsert: true, returnDocument: 'after' },
    );
    // Assert
    expect(created).to.not.equal(null);
    expect(created?.name).to.equal('Beta');
    expect(created?.orgNo).to.equal('556000-0002');
    expect(created?.visits).to.equal(0);
    expect(String(updated?._id)).to.equal(String(created?._id));
    expect(updated?.visits).to.equal(1);
    expect(await Model.countDocuments({ orgNo: '556000-0002' })).to.equal(1);
  });

  it('when a reference is populated, then the referenced document replaces the id', async function () {
    // Arrange
    const S = Supplier();
    const P = Product();
    const supplier = await S.create({ name: 'Gamma', orgNo: '556000-0003', country: 'SE' });
    const product = await P.create({ title: 'Degreaser', supplier: supplier._id });
    // Act
    const populated = await P.findById(product._id).populate<{ supplier: Supplier }>('supplier').exec();
    // Assert
    expect(populated?.supplier.name).to.equal('Gamma');
    expect(populated?.supplier.country).to.equal('SE');
  });

  it('when timestamps are enabled, then createdAt and updatedAt are set on create and updatedAt advances on update', async function () {
    // Arrange
    const S = Supplier();
    const P = Product();
    const supplier = await S.create({ name: 'Delta', orgNo: '556000-0004' });
    const product = await P.create({ title: 'Primer', supplier: supplier._id });
    const createdAt = product.createdAt;
    const firstUpdatedAt = product.updatedAt;
    await new Promise((resolve) => setTimeout(resolve, 15));
    // Act
    await P.updateOne({ _id: product._id }, { $set: { title: 'Primer v2' } });
    const reloaded = await P.findById(product._id).lean();
    // Assert
    expect(createdAt).to.be.instanceOf(Date);
    expect(firstUpdatedAt).to.be.instanceOf(Date);
    expect(reloaded?.title).to.equal('Primer v2');
    expect(reloaded?.createdAt?.getTime()).to.equal(createdAt?.getTime());
    expect(reloaded?.updatedAt?.getTime()).to.be.greaterThan(firstUpdatedAt?.getTime() ?? Infinity);
  });

  it('when a query uses lean(), then plain objects without mongoose document methods are returned', async function () {
    // Arrange
    const S = Supplier();
    await S.create({ name: 'Epsilon', orgNo: '556000-0005' });
    // Act
    const doc = await S.findOne({ orgNo: '556000-0005' }).lean();
    const hydrated = await S.findOne({ orgNo: '556000-0005' });
    // Assert
    expect(doc).to.not.equal(null);
    expect(doc).to.not.be.instanceOf(mongoose.Document);
    expect(doc).to.not.have.property('save');
    expect(doc?.name).to.equal('Epsilon');
    expect(hydrated).to.be.instanceOf(mongoose.Document);
  });

  it('when Model.startSession and withTransaction commit, then both writes are persisted', async function () {
    // Arrange
    const S = Supplier();
    const P = Product();
    await S.init();
    await P.init();
    const session = await S.startSession();
    // Act
    try {
      await session.withTransaction(async () => {
        const [s] = await S.create([{ name: 'Zeta', orgNo: '556000-0006' }], { session });
        await P.create([{ title: 'Solvent X', supplier: s!._id }], { session });
      });
    } finally {
      await session.endSession();
    }
    // Assert
    const s = await S.findOne({ orgNo: '556000-0006' }).lean();
    expect(s?.name).to.equal('Zeta');
    expect(await P.countDocuments({ supplier: s?._id })).to.equal(1);
  });

  it('when the withTransaction callback fails, then none of its mongoose writes are persisted', async function () {
    // Arrange
    const S = Supplier();
    const P = Product();
    await S.init();
    await P.init();
    const session = await S.startSession();
    let caught: unknown;
    // Act
    try {
      await session.withTransaction(async () => {
        await S.create([{ name: 'Eta', orgNo: '556000-0007' }], { session });
        await S.create([{ name: 'Eta again', orgNo: '556000-0007' }], { session });
      });
    } catch (e) {
      caught = e;
    } finally {
      await session.endSession();
    }
    // Assert
    expect((caught as { code?: number } | undefined)?.code).to.equal(11000);
    expect(await S.countDocuments({ orgNo: '556000-0007' })).to.equal(0);
  });
});
