#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Checks the JSON Schemas of the course-pack format and the bundled pack against them.

usage: check-json-schemas.py SCHEMAS_DIR PACK_DIR

Validation uses the jsonschema module (Debian package python3-jsonschema) when it is
installed, and always a small built-in validator for the subset of draft 2020-12 these
schemas use, so the check still means something without it. Both must agree on every
case below. The test also feeds each schema manifests it must reject.
"""
import copy
import json
import os
import re
import sys

try:
    import jsonschema
except ImportError:
    jsonschema = None

DIALECT = 'https://json-schema.org/draft/2020-12/schema'
KNOWN_KEYWORDS = {
    '$schema', '$defs', '$ref', '$comment', 'title', 'description', 'type', 'const', 'enum',
    'required', 'properties', 'additionalProperties', 'items', 'minItems', 'maxItems',
    'uniqueItems', 'minLength', 'pattern', 'anyOf', 'format', 'minimum', 'maximum',
}
TYPES = {
    'object': lambda v: isinstance(v, dict),
    'array': lambda v: isinstance(v, list),
    'string': lambda v: isinstance(v, str),
    'integer': lambda v: isinstance(v, int) and not isinstance(v, bool),
    'number': lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    'boolean': lambda v: isinstance(v, bool),
    'null': lambda v: v is None,
}


class MiniValidator:
    """Draft 2020-12, restricted to the keywords in KNOWN_KEYWORDS and local $refs."""

    def __init__(self, schema):
        self.root = schema
        self.check_keywords(schema, '#')

    def check_keywords(self, node, where):
        if isinstance(node, dict):
            for key, value in node.items():
                if key in ('properties', '$defs'):
                    for name, sub in value.items():
                        self.check_keywords(sub, f'{where}/{key}/{name}')
                    continue
                if key not in KNOWN_KEYWORDS:
                    raise ValueError(f'{where}: keyword "{key}" is not supported by the built-in validator')
                if key in ('items', 'additionalProperties'):
                    self.check_keywords(value, f'{where}/{key}')
                elif key == 'anyOf':
                    for i, sub in enumerate(value):
                        self.check_keywords(sub, f'{where}/anyOf/{i}')
                elif key == 'pattern':
                    re.compile(value)
                elif key == '$ref' and not value.startswith('#/'):
                    raise ValueError(f'{where}: only local $ref are supported')

    def resolve(self, ref):
        node = self.root
        for part in ref[2:].split('/'):
            node = node[part]
        return node

    def errors(self, value, schema=None, path='$'):
        schema = self.root if schema is None else schema
        if schema is True:
            return
        if schema is False:
            yield f'{path}: no value is allowed here'
            return
        if '$ref' in schema:
            yield from self.errors(value, self.resolve(schema['$ref']), path)
        if 'type' in schema:
            types = schema['type'] if isinstance(schema['type'], list) else [schema['type']]
            if not any(TYPES[t](value) for t in types):
                yield f'{path}: {json.dumps(value, ensure_ascii=False)[:60]} is not of type {" or ".join(types)}'
                return
        if 'const' in schema and not (value == schema['const'] and type(value) == type(schema['const'])):
            yield f'{path}: must be {json.dumps(schema["const"])}'
        if 'enum' in schema and value not in schema['enum']:
            yield f'{path}: {json.dumps(value, ensure_ascii=False)[:60]} is not one of the allowed values'
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            if 'minimum' in schema and value < schema['minimum']:
                yield f'{path}: {value} is below {schema["minimum"]}'
            if 'maximum' in schema and value > schema['maximum']:
                yield f'{path}: {value} is above {schema["maximum"]}'
        if isinstance(value, str):
            if len(value) < schema.get('minLength', 0):
                yield f'{path}: is too short'
            if 'pattern' in schema and not re.search(schema['pattern'], value):
                yield f'{path}: {json.dumps(value, ensure_ascii=False)[:60]} does not match {schema["pattern"]}'
        if isinstance(value, list):
            if len(value) < schema.get('minItems', 0):
                yield f'{path}: needs at least {schema["minItems"]} item(s)'
            if 'maxItems' in schema and len(value) > schema['maxItems']:
                yield f'{path}: has more than {schema["maxItems"]} items'
            if schema.get('uniqueItems'):
                seen = []
                for item in value:
                    if item in seen:
                        yield f'{path}: {json.dumps(item, ensure_ascii=False)[:60]} is repeated'
                    seen.append(item)
            if 'items' in schema:
                for i, item in enumerate(value):
                    yield from self.errors(item, schema['items'], f'{path}[{i}]')
        if isinstance(value, dict):
            for name in schema.get('required', []):
                if name not in value:
                    yield f'{path}: "{name}" is required'
            props = schema.get('properties', {})
            for name, item in value.items():
                if name in props:
                    yield from self.errors(item, props[name], f'{path}.{name}')
                elif 'additionalProperties' in schema:
                    yield from self.errors(item, schema['additionalProperties'], f'{path}.{name}')
        if 'anyOf' in schema:
            if not any(not list(self.errors(value, sub, path)) for sub in schema['anyOf']):
                yield f'{path}: matches none of the allowed forms'


class Checker:
    def __init__(self, schemas_dir):
        self.validators = {}
        self.failures = []
        for name in ('pack', 'sources', 'glossary', 'quiz'):
            path = os.path.join(schemas_dir, f'{name}.schema.json')
            try:
                with open(path, encoding='utf-8') as f:
                    schema = json.load(f)
            except (OSError, ValueError) as e:
                self.fail(f'{path}: cannot be loaded: {e}')
                continue
            if schema.get('$schema') != DIALECT:
                self.fail(f'{path}: "$schema" must be {DIALECT}')
            if not schema.get('description'):
                self.fail(f'{path}: has no description')
            full = None
            if jsonschema is not None:
                try:
                    jsonschema.Draft202012Validator.check_schema(schema)
                    full = jsonschema.Draft202012Validator(schema)
                except jsonschema.exceptions.SchemaError as e:
                    self.fail(f'{path}: not a valid draft 2020-12 schema: {e.message}')
            try:
                mini = MiniValidator(schema)
            except (ValueError, re.error) as e:
                self.fail(f'{path}: {e}')
                continue
            self.validators[name] = (mini, full)

    def fail(self, message):
        self.failures.append(message)
        print(f'FAIL: {message}')

    def errors(self, name, value):
        """Errors of @value against schema @name; the two validators must agree."""
        mini, full = self.validators[name]
        mine = list(mini.errors(value))
        if full is not None:
            theirs = [f'{"/".join(map(str, e.absolute_path)) or "$"}: {e.message}' for e in full.iter_errors(value)]
            if bool(mine) != bool(theirs):
                self.fail(f'{name}: the validators disagree: built-in {mine or "valid"}, jsonschema {theirs or "valid"}')
            return theirs or mine
        return mine

    def expect_valid(self, name, value, label):
        errs = self.errors(name, value)
        if errs:
            self.fail(f'{label} does not match {name}.schema.json:\n  ' + '\n  '.join(errs[:20]))
        else:
            print(f'ok: {label} matches {name}.schema.json')

    def expect_invalid(self, name, value, label):
        if not self.errors(name, value):
            self.fail(f'{name}.schema.json accepts {label}')
        else:
            print(f'ok: {name}.schema.json rejects {label}')


def load_json(path, checker):
    try:
        with open(path, encoding='utf-8') as f:
            return json.load(f)
    except (OSError, ValueError) as e:
        checker.fail(f'{path}: {e}')
        return None


def mutate(base, change):
    value = copy.deepcopy(base)
    change(value)
    return value


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    schemas_dir, pack_dir = sys.argv[1], sys.argv[2]
    print('jsonschema module:', 'present' if jsonschema else 'absent (built-in validator only)')
    c = Checker(schemas_dir)
    if len(c.validators) != 4:
        return 1

    manifest = load_json(os.path.join(pack_dir, 'pack.json'), c)
    if manifest is not None:
        c.expect_valid('pack', manifest, 'the bundled pack.json')
        for doc in manifest.get('documents', []):
            if not os.path.isfile(os.path.join(pack_dir, str(doc.get('file')))):
                c.fail(f'pack.json: document file {doc.get("file")} is missing from the bundled pack')
        if isinstance(manifest.get('sources'), str):
            sources = load_json(os.path.join(pack_dir, manifest['sources']), c)
            if sources is not None:
                c.expect_valid('sources', sources, f'the bundled {manifest["sources"]}')
                ids = [s.get('id') for s in sources if isinstance(s, dict)]
                dups = sorted({i for i in ids if ids.count(i) > 1})
                if dups:
                    c.fail(f'{manifest["sources"]}: duplicate ids {dups}')
        for key, name in (('glossary', 'glossary'),):
            if isinstance(manifest.get(key), str):
                data = load_json(os.path.join(pack_dir, manifest[key]), c)
                if data is not None:
                    c.expect_valid(name, data, f'the bundled {manifest[key]}')
        for quiz in manifest.get('quizzes', []) or []:
            data = load_json(os.path.join(pack_dir, quiz), c)
            if data is not None:
                c.expect_valid('quiz', data, f'the bundled {quiz}')

    # The schemas must accept what format 1 allows and refuse what it forbids.
    good = {
        'format': 1, 'id': 'cours-1', 'version': '1.0', 'title': 'T', 'language': 'fr-FR',
        'authors': [{'name': 'A', 'affiliations': ['U']}], 'license': 'CC-BY-SA-4.0',
        'description': '', 'documents': [{'id': 'doc', 'title': 'D', 'file': 'texts/doc.md'}],
        'sources': 'sources.json', 'glossary': 'glossary.json', 'quizzes': ['quiz-1.json'],
    }
    c.expect_valid('pack', good, 'a complete manifest')
    c.expect_valid('pack', mutate(good, lambda m: m.update(license=None)), 'a manifest with "license": null')
    c.expect_valid('pack', mutate(good, lambda m: m.update(extra=True)), 'a manifest with an unknown key')
    bad_manifests = {
        'format 2': lambda m: m.update(format=2),
        'format "1" as a string': lambda m: m.update(format='1'),
        'an id with capitals and spaces': lambda m: m.update(id='Mon Cours'),
        'an id of 65 characters': lambda m: m.update(id='a' * 65),
        'no "license" key': lambda m: m.pop('license'),
        'no authors': lambda m: m.update(authors=[]),
        'an author without a name': lambda m: m.update(authors=[{'email': 'a@b.c'}]),
        'no documents': lambda m: m.update(documents=[]),
        'a document id with a capital': lambda m: m['documents'][0].update(id='Doc'),
        'a document without a file': lambda m: m['documents'][0].pop('file'),
        'an absolute file path': lambda m: m['documents'][0].update(file='/etc/passwd'),
        'a path with ".."': lambda m: m['documents'][0].update(file='texts/../../x.md'),
        'a path that is ".."': lambda m: m.update(sources='..'),
        'a URL as a path': lambda m: m['documents'][0].update(file='https://example.org/x.md'),
        'a Windows path': lambda m: m.update(glossary='C:\\glossary.json'),
        'a language that is not a tag': lambda m: m.update(language='français'),
        'quizzes as a string': lambda m: m.update(quizzes='quiz-1.json'),
    }
    for label, change in bad_manifests.items():
        c.expect_invalid('pack', mutate(good, change), f'a manifest with {label}')

    source = {
        'id': 'lordon-2025', 'type': 'post-weblog', 'title': 'T',
        'author': [{'family': 'Lordon', 'given': 'Frédéric'}, {'literal': 'Collectif'}],
        'issued': {'date-parts': [[2025, 10, 3]]}, 'URL': 'https://example.org/a',
        'custom': {'unconfirmed': ['URL', 'issued']},
    }
    c.expect_valid('sources', [source], 'a complete source')
    c.expect_valid('sources', [mutate(source, lambda s: s.update(issued={'literal': 'automne 2025'}))],
                   'a source with a literal date')
    bad_sources = {
        'no id': lambda s: s.pop('id'),
        'an unknown type': lambda s: s.update(type='blogpost'),
        'an author with neither family nor literal': lambda s: s.update(author=[{'given': 'F'}]),
        'a date with a word in date-parts': lambda s: s.update(issued={'date-parts': [['octobre']]}),
        'an empty date': lambda s: s.update(issued={}),
        'a javascript: URL': lambda s: s.update(URL='javascript:alert(1)'),
        'unconfirmed as a string': lambda s: s.update(custom={'unconfirmed': 'URL'}),
        'unconfirmed listed twice': lambda s: s.update(custom={'unconfirmed': ['URL', 'URL']}),
    }
    for label, change in bad_sources.items():
        c.expect_invalid('sources', [mutate(source, change)], f'a source with {label}')
    c.expect_invalid('sources', {'id': 'x'}, 'an object instead of an array')

    entry = {
        'id': 'seigneurage', 'term': 'seigneurage', 'forms': ['seigneuriage', 'utilisateur·ices'],
        'definition': 'Le profit de qui émet la monnaie.', 'explanation': 'Voir [x](glossary:rente).',
        'related': ['rente'], 'sources': ['varoufakis-2023'], 'case_sensitive': False,
    }
    c.expect_valid('glossary', {'$schema': 'glossary.schema.json', 'entries': [entry]}, 'a complete glossary entry')
    c.expect_valid('glossary', {'entries': [{'id': 'rente', 'term': 'rente', 'definition': 'D'}]},
                   'a minimal glossary entry')
    c.expect_valid('glossary', {'entries': []}, 'an empty glossary')
    bad_entries = {
        'no definition': lambda e: e.pop('definition'),
        'a blank definition': lambda e: e.update(definition='  '),
        'no term': lambda e: e.pop('term'),
        'a one-letter term': lambda e: e.update(term='x'),
        'an id with a capital': lambda e: e.update(id='Seigneurage'),
        'an id with a space': lambda e: e.update(id='a b'),
        'an empty form': lambda e: e.update(forms=['']),
        'a one-letter form': lambda e: e.update(forms=['x']),
        'forms as a string': lambda e: e.update(forms='seigneuriage'),
        'a related id that is not an id': lambda e: e.update(related=['Rente']),
        'a related id listed twice': lambda e: e.update(related=['rente', 'rente']),
        'case_sensitive as a string': lambda e: e.update(case_sensitive='true'),
        'an explanation that is not a string': lambda e: e.update(explanation=['x']),
        'an unknown member': lambda e: e.update(extra=1),
    }
    for label, change in bad_entries.items():
        c.expect_invalid('glossary', {'entries': [mutate(entry, change)]}, f'a glossary entry with {label}')
    c.expect_invalid('glossary', [entry], 'a glossary that is an array')
    c.expect_invalid('glossary', {}, 'a glossary without entries')
    c.expect_invalid('glossary', {'entries': [entry], 'extra': 1}, 'a glossary with an unknown member')
    c.expect_invalid('glossary', {'entries': [mutate(entry, lambda e: e.update(id=f'e{i}')) for i in range(10001)]},
                     'a glossary of more than 10,000 entries')
    questions = [
        {'id': 'q1', 'type': 'single', 'text': 'Qui ?', 'hint': 'Un économiste.', 'explanation': 'Voir.',
         'passage': {'document': 'essai', 'quote': 'la subsomption totale'}, 'tags': ['durand'],
         'answers': [{'text': 'Durand', 'correct': True, 'feedback': 'Oui.'}, {'text': 'Lordon', 'weight': -50}]},
        {'id': 'q2', 'type': 'multiple', 'text': 'Lesquels ?',
         'answers': [{'text': 'a', 'weight': 50}, {'text': 'b', 'weight': 50}, {'text': 'c', 'weight': -100}]},
        {'id': 'q3', 'type': 'true_false', 'text': 'Vrai ?', 'answer': False, 'feedback_true': 'Non.'},
        {'id': 'q4', 'type': 'short', 'text': 'Le mot ?', 'allow_typo': True, 'answers': [{'text': 'seigneurage'}]},
        {'id': 'q5', 'type': 'numerical', 'text': 'Combien ?',
         'answers': [{'value': 3, 'tolerance': 0.5}, {'min': 1, 'max': 5, 'weight': 25}, {'any': True, 'weight': 0}]},
        {'id': 'q6', 'type': 'matching', 'text': 'Associez.', 'distractors': ['x'],
         'pairs': [{'item': 'a', 'match': '1'}, {'item': 'b', 'match': '2'}]},
        {'id': 'q7', 'type': 'ordering', 'text': 'Ordonnez.', 'steps': ['a', 'b']},
        {'id': 'q8', 'type': 'cloze', 'text': 'Un {{1}}.', 'gaps': [{'type': 'choice', 'answers': [{'text': 'a', 'correct': True}, {'text': 'b'}]}]},
        {'id': 'q9', 'type': 'open', 'text': 'Votre avis ?'},
        {'id': 'q10', 'type': 'description', 'text': 'La suite.'},
    ]
    quiz = {'$schema': 'quiz.schema.json', 'id': 'quiz-1', 'title': 'Q', 'description': 'D', 'questions': questions}
    c.expect_valid('quiz', quiz, 'a quiz with every type of question')
    c.expect_valid('quiz', {'id': 'quiz-1', 'title': 'Q', 'questions': []}, 'an empty quiz')
    bad_quizzes = {
        'no questions': lambda q: q.pop('questions'),
        'an id with a capital': lambda q: q.update(id='Quiz'),
        'an unknown member': lambda q: q.update(extra=1),
        'a question that is a number': lambda q: q['questions'].append(7),
        'an unknown type': lambda q: q['questions'][0].update(type='essay'),
        'a question without text': lambda q: q['questions'][8].pop('text'),
        'a blank text': lambda q: q['questions'][8].update(text='  '),
        'a single choice with one answer': lambda q: q['questions'][0]['answers'].pop(),
        'a weight of 150': lambda q: q['questions'][1]['answers'][0].update(weight=150),
        'a number without value or range': lambda q: q['questions'][4]['answers'].append({'weight': 10}),
        'a matching question of one pair': lambda q: q['questions'][5]['pairs'].pop(),
        'a distractor listed twice': lambda q: q['questions'][5].update(distractors=['x', 'x']),
        'an ordering of one step': lambda q: q['questions'][6].update(steps=['a']),
        'a gap of an unknown kind': lambda q: q['questions'][7]['gaps'][0].update(type='menu'),
        'a passage without document': lambda q: q['questions'][0].update(passage={'quote': 'x'}),
        'a member of another type': lambda q: q['questions'][8].update(answers=[]),
        'true/false without answer': lambda q: q['questions'][2].pop('answer'),
    }
    for label, change in bad_quizzes.items():
        c.expect_invalid('quiz', mutate(quiz, change), f'a quiz with {label}')
    c.expect_invalid('quiz', [1, 2, 3], 'a quiz that is an array')

    if c.failures:
        print(f'FAIL: {len(c.failures)} problem(s)')
        return 1
    print('ok: the schemas and the bundled pack agree')
    return 0


if __name__ == '__main__':
    sys.exit(main())
