// Prepares MongoDB for Roomcast: initiates the replica set, waits for a primary, and readies the
// watched collections. A mongosh script (plain JavaScript, no top-level await), run by the
// compose service mongo-init:  mongosh --host mongo1 --file /mongo-init/init-replica-set.js
//
// Idempotent: every step looks at the current state first, so a second run (or a restart of the
// whole stack) changes nothing and exits 0.
//   - replica set: initiated only when the member reports NotYetInitialized; a concurrent run
//     that wins the race is recognised by AlreadyInitialized;
//   - collections: created with change-stream pre- and post-images, or switched on with collMod
//     when they already exist (collMod with the same value is a no-op);
//   - UUID index: created when missing; an existing unique index on the field is kept, a
//     non-unique one stops the script with a message instead of being dropped silently.
//
// Settings (environment variables, defaults fit docker-compose.yml):
//   ROOMCAST_REPLICA_SET  replica set name                     rs0
//   ROOMCAST_MEMBERS      comma list of host:port, first preferred as primary
//                                                              mongo1:27017,mongo2:27017,mongo3:27017
//   ROOMCAST_COLLECTIONS  comma list of db.collection           app.test
//   UUID_FIELD            field holding the document UUID      uuid
//   ROOMCAST_PRIMARY_TIMEOUT_SECONDS  how long to wait for a primary   120

/* global rs, db, sleep, print, Mongo, process */
'use strict';

const NOT_YET_INITIALIZED = 94;
const ALREADY_INITIALIZED = 23;
const NAMESPACE_EXISTS = 48;
const MIN_MAJOR_VERSION = 6; // change-stream pre-images arrived in MongoDB 6.0

function setting(name, fallback) {
  const value = process.env[name];
  return value === undefined || value.trim() === '' ? fallback : value.trim();
}

function listSetting(name, fallback) {
  const items = setting(name, fallback).split(',').map((item) => item.trim());
  if (items.some((item) => item === '')) {
    throw new Error(`${name} must be a comma-separated list with no empty items`);
  }
  return items;
}

function positiveNumberSetting(name, fallback) {
  const value = Number(setting(name, fallback));
  if (!(value > 0)) {
    throw new Error(`${name} must be a positive number, got '${process.env[name]}'`);
  }
  return value;
}

const config = Object.freeze({
  replicaSet: setting('ROOMCAST_REPLICA_SET', 'rs0'),
  members: listSetting('ROOMCAST_MEMBERS', 'mongo1:27017,mongo2:27017,mongo3:27017'),
  namespaces: listSetting('ROOMCAST_COLLECTIONS', 'app.test'),
  uuidField: setting('UUID_FIELD', 'uuid'),
  primaryTimeoutMs: 1000 * positiveNumberSetting('ROOMCAST_PRIMARY_TIMEOUT_SECONDS', '120'),
});

function hasCode(error, code) {
  return error !== null && typeof error === 'object' && error.code === code;
}

function checkServerVersion() {
  const version = db.version();
  const major = Number(version.split('.')[0]);
  if (!(major >= MIN_MAJOR_VERSION)) {
    throw new Error(`MongoDB ${version} is too old: change-stream pre-images need ` +
        `${MIN_MAJOR_VERSION}.0 or later`);
  }
  print(`roomcast-init: MongoDB ${version}`);
}

function initiateReplicaSet() {
  try {
    const status = rs.status();
    print(`roomcast-init: replica set ${status.set} already initiated, nothing to do`);
    return;
  } catch (error) {
    if (!hasCode(error, NOT_YET_INITIALIZED)) {
      throw error;
    }
  }
  const members = config.members.map((host, index) => ({
    _id: index,
    host: host,
    priority: index === 0 ? 2 : 1,
  }));
  try {
    rs.initiate({ _id: config.replicaSet, members: members });
    print(`roomcast-init: initiated replica set ${config.replicaSet} with ${config.members}`);
  } catch (error) {
    if (!hasCode(error, ALREADY_INITIALIZED)) {
      throw error;
    }
    print(`roomcast-init: replica set ${config.replicaSet} was initiated meanwhile`);
  }
}

function waitForPrimary() {
  const deadline = Date.now() + config.primaryTimeoutMs;
  for (;;) {
    const primary = db.hello().primary;
    if (primary) {
      print(`roomcast-init: primary is ${primary}`);
      return;
    }
    if (Date.now() > deadline) {
      throw new Error(`no primary elected within ${config.primaryTimeoutMs / 1000} s ` +
          '(ROOMCAST_PRIMARY_TIMEOUT_SECONDS)');
    }
    sleep(1000);
  }
}

function splitNamespace(namespace) {
  const dot = namespace.indexOf('.');
  if (dot <= 0 || dot === namespace.length - 1) {
    throw new Error(`ROOMCAST_COLLECTIONS: '${namespace}' is not of the form db.collection`);
  }
  return { database: namespace.slice(0, dot), collection: namespace.slice(dot + 1) };
}

function enablePrePostImages(database, name) {
  const option = { changeStreamPreAndPostImages: { enabled: true } };
  if (!database.getCollectionNames().includes(name)) {
    try {
      database.createCollection(name, option);
      print(`roomcast-init: created ${database.getName()}.${name} with pre- and post-images`);
      return;
    } catch (error) {
      if (!hasCode(error, NAMESPACE_EXISTS)) {
        throw error;
      }
    }
  }
  database.runCommand(Object.assign({ collMod: name }, option));
  print(`roomcast-init: ${database.getName()}.${name} has pre- and post-images enabled`);
}

function ensureUniqueUuidIndex(collection) {
  const field = config.uuidField;
  const existing = collection.getIndexes().find((index) => {
    const keys = Object.keys(index.key);
    return keys.length === 1 && keys[0] === field;
  });
  if (existing && existing.unique) {
    print(`roomcast-init: unique index ${existing.name} on ${field} already present`);
    return;
  }
  if (existing) {
    throw new Error(`index ${existing.name} on ${collection.getFullName()}.${field} is not ` +
        'unique; drop it (or make it unique) and run this script again');
  }
  // Partial: documents without a UUID are not rooms and must not collide on a missing value.
  collection.createIndex({ [field]: 1 }, {
    name: `${field}_unique`,
    unique: true,
    partialFilterExpression: { [field]: { $exists: true } },
  });
  print(`roomcast-init: created unique index on ${collection.getFullName()}.${field}`);
}

function prepareCollections() {
  const url = `mongodb://${config.members.join(',')}/?replicaSet=${config.replicaSet}`;
  const client = new Mongo(url);
  for (const namespace of config.namespaces) {
    const parts = splitNamespace(namespace);
    const database = client.getDB(parts.database);
    enablePrePostImages(database, parts.collection);
    ensureUniqueUuidIndex(database.getCollection(parts.collection));
  }
}

config.namespaces.forEach(splitNamespace); // reject a bad list before touching anything
checkServerVersion();
initiateReplicaSet();
waitForPrimary();
prepareCollections();
print('roomcast-init: done');
