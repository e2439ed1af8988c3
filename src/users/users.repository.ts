import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import { Model, Types } from 'mongoose';
import { Role } from './domain/role';
import { User } from './schemas/user.schema';

export interface UserRecord {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  disabled: boolean;
  createdAt: Date;
  updatedAt: Date;
}

export interface UserWithHash extends UserRecord {
  passwordHash: string;
}

interface UserLean extends User {
  _id: Types.ObjectId;
  passwordHash: string;
}

function toRecord(doc: UserLean): UserRecord {
  return {
    id: doc._id.toHexString(),
    email: doc.email,
    displayName: doc.displayName,
    role: doc.role,
    disabled: doc.disabled,
    createdAt: doc.createdAt,
    updatedAt: doc.updatedAt,
  };
}

/** The only code that touches the users collection. */
@Injectable()
export class UsersRepository {
  constructor(@InjectModel(User.name) private readonly users: Model<User>) {}

  async create(data: { email: string; passwordHash: string; displayName: string; role: Role }): Promise<UserRecord> {
    const doc = await this.users.create(data);
    return toRecord(doc.toObject() as UserLean);
  }

  async findById(id: string): Promise<UserRecord | null> {
    const doc = await this.users.findById(id).lean<UserLean>().exec();
    return doc ? toRecord(doc) : null;
  }

  async findByIds(ids: readonly string[]): Promise<UserRecord[]> {
    if (ids.length === 0) return [];
    const docs = await this.users
      .find({ _id: { $in: ids.map((id) => new Types.ObjectId(id)) } })
      .lean<UserLean[]>()
      .exec();
    return docs.map(toRecord);
  }

  async findByEmail(email: string): Promise<UserRecord | null> {
    const doc = await this.users.findOne({ email: email.toLowerCase() }).lean<UserLean>().exec();
    return doc ? toRecord(doc) : null;
  }

  async findByEmailWithHash(email: string): Promise<UserWithHash | null> {
    const doc = await this.users
      .findOne({ email: email.toLowerCase() })
      .select('+passwordHash')
      .lean<UserLean>()
      .exec();
    return doc ? { ...toRecord(doc), passwordHash: doc.passwordHash } : null;
  }

  async update(
    id: string,
    changes: Partial<Pick<UserRecord, 'role' | 'disabled' | 'displayName'> & { passwordHash: string }>,
  ): Promise<UserRecord | null> {
    const doc = await this.users
      .findByIdAndUpdate(id, { $set: changes }, { returnDocument: 'after', runValidators: true })
      .lean<UserLean>()
      .exec();
    return doc ? toRecord(doc) : null;
  }

  async list(filter: { role?: Role }, skip: number, limit: number): Promise<{ items: UserRecord[]; total: number }> {
    const query = filter.role ? { role: filter.role } : {};
    const [docs, total] = await Promise.all([
      this.users.find(query).sort({ createdAt: -1, _id: -1 }).skip(skip).limit(limit).lean<UserLean[]>().exec(),
      this.users.countDocuments(query).exec(),
    ]);
    return { items: docs.map(toRecord), total };
  }
}
