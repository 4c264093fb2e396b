import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsIn, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { PERSON_ROLES, type PersonRole } from '@tradelane/platform';
import { PASSWORD_MAX, PASSWORD_MIN, PASSWORD_RULE } from '../password';

/** Password fields share one rule, named in the 400 problem. */
function NewPassword(): PropertyDecorator {
  return (target, property) => {
    ApiProperty({ description: `${PASSWORD_MIN} to ${PASSWORD_MAX} characters`, minLength: PASSWORD_MIN, maxLength: PASSWORD_MAX, format: 'password' })(
      target,
      property,
    );
    IsString()(target, property);
    MinLength(PASSWORD_MIN, { message: `password ${PASSWORD_RULE}` })(target, property);
    MaxLength(PASSWORD_MAX, { message: `password ${PASSWORD_RULE}` })(target, property);
  };
}

export class CreatePersonDto {
  @ApiProperty({ description: 'unique on the platform, whatever its case', example: 'anna.berg@muster.example', format: 'email', maxLength: 254 })
  @IsEmail({}, { message: 'email must be an e-mail address' })
  @MaxLength(254)
  email: string;

  // PostgreSQL text cannot hold NUL; the schema says so, so clients are told before they send it.
  @ApiProperty({ example: 'Anna Berg', minLength: 1, maxLength: 200, pattern: '^[^\\u0000]*$' })
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  // eslint-disable-next-line no-control-regex -- NUL is the character refused
  @Matches(/^[^\u0000]*$/, { message: 'name must not contain NUL characters' })
  name: string;

  @ApiProperty({ enum: PERSON_ROLES, description: 'an admin manages the organisation’s people' })
  @IsIn(PERSON_ROLES)
  role: PersonRole;

  @NewPassword()
  password: string;
}

export class PasswordResetDto {
  @NewPassword()
  password: string;
}

export class PersonDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty() organisationId: string;
  @ApiProperty() email: string;
  @ApiProperty() name: string;
  @ApiProperty({ enum: PERSON_ROLES }) role: string;
  @ApiProperty({ description: 'whether the person may sign in with a password (else only through the provider)' }) hasPassword: boolean;
  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'locked after too many wrong passwords, until then' })
  lockedUntil: Date | null;
  @ApiProperty({ type: String, format: 'date-time' }) createdAt: Date;
}
