// ts-jest wrapper for the @nestjs/swagger CLI plugin, so e2e tests see the same
// OpenAPI metadata as `nest build` produces (options mirror nest-cli.json).
const plugin = require('@nestjs/swagger/plugin');
const options = require('../../nest-cli.json').compilerOptions.plugins.find((p) => p.name === '@nestjs/swagger').options;

module.exports.name = 'nestjs-swagger-transformer';
module.exports.version = 1;
module.exports.factory = (compiler) => plugin.before(options, compiler.program);
