// The catalogue as Node surfaces use it: the shared tables plus the command line's, those of reading and
// writing files on disk and the district summary's, which the pane never needs (kept out of its bundle). Modules of src/cli and
// of the Node adapters import text and message from here; the pane imports ./catalogue.

import { addTexts } from './catalogue';
import { CLI_EN, CLI_VI } from './cli';
import { COMMANDS_EN, COMMANDS_VI } from './commands';
import { FILES_EN, FILES_VI } from './files';
import { DISTRICT_EN, DISTRICT_VI } from './district';

addTexts(CLI_VI, CLI_EN);
addTexts(COMMANDS_VI, COMMANDS_EN);
addTexts(FILES_VI, FILES_EN);
addTexts(DISTRICT_VI, DISTRICT_EN);

export { message, points, text } from './catalogue';
export type { TextKey, TextParams } from './catalogue';
