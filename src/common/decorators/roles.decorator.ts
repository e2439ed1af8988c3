import { applyDecorators, SetMetadata } from '@nestjs/common';
import { Role } from '../../users/domain/role';
import { ApiProblems } from './api-problems.decorator';

export const ROLES = 'roles';

/** Restricts a route to the given roles (checked by RolesGuard after authentication). */
export const Roles = (...roles: Role[]) => applyDecorators(SetMetadata(ROLES, roles), ApiProblems(403));
