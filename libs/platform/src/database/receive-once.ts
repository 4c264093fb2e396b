import type { FindOptionsWhere, ObjectLiteral, Repository } from 'typeorm';
import type { QueryDeepPartialEntity } from 'typeorm/query-builder/QueryPartialEntity';

/**
 * How an activity takes in a message exactly once: the first delivery stores it, a retried one
 * finds the stored row, with whatever answer it has gathered since.
 */
export async function receiveOnce<T extends ObjectLiteral>(
  repository: Repository<T>,
  values: QueryDeepPartialEntity<T>,
  key: FindOptionsWhere<T>,
): Promise<T> {
  await repository.createQueryBuilder().insert().values(values).orIgnore().execute();
  return repository.findOneByOrFail(key);
}
