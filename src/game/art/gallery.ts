/**
 * Dev-only gallery for the procedural art (art.html, served by `npm run dev` at /art.html).
 *
 *   ?view=rooms                    every location kind in a grid
 *   ?view=people[&page=1]          varied characters, each with a different expression
 *   ?view=people&looks=[...]       any looks, as URL-encoded JSON [{label, expression, look}]
 *   ?view=faces&look=N             close-ups of one face in all 9 expressions
 *   ?view=single&look=N&expr=E     one large figure (&height=, &speaking=1)
 *   ?view=expressions&look=N       one character (N indexes GALLERY_LOOKS) in all 9 expressions
 *   ?view=beards[&page=1]          men with every facial hair style (columns) across skin tones,
 *                                  ages, hair and headwear (rows); &expr=E one expression for all,
 *                                  &expr=all a different one per cell; &height=, &facing=left|right
 *   ?view=presents[&page=1]        the same looks drawn unstated, as a woman and as a man (&expr=)
 *   ?view=scene&room=lounge        a room with two characters at scale, one speaking
 *                                  (&a=N&b=N looks, &ea=&eb= expressions, &people=0, &panel=1)
 *   ?view=scene&room=home&stand=N  the room with N people (1–5) placed exactly as in play
 *                                  (&from=N: the first look; the first one speaks)
 *   &renderer=canvas|auto          Canvas (default) or Phaser.AUTO (WebGL where available)
 *   &motion=0                      no breathing
 *
 * Sets window.__artReady = true once the first frame with everything on it has rendered.
 */
import Phaser from 'phaser';
import 'phaser/src/gameobjects/container/ContainerFactory.js';
import { FACIAL_HAIR, LOCATION_KINDS, PRESENTATIONS } from '../../engine/model';
import type { Look } from '../../engine/schema';
import { Bakery } from './bakery';
import { CharacterFigure } from './CharacterFigure';
import { wakeRoom } from '../roomClock';
import { SLOTS, figureHeight } from '../RoomStage';
import { type LocationKind, drawRoom } from './drawRoom';
import { EXPRESSION_NAMES } from './expressions';

declare global {
  interface Window {
    __artReady?: boolean;
    __art?: { game: Phaser.Game; figures: CharacterFigure[] };
  }
}

interface GalleryPerson {
  label: string;
  look: Look;
  expression: string;
  facing?: 'left' | 'right';
  seated?: boolean;
  speaking?: boolean;
}

/** A varied cast: ages 19–90, every skin tone, most hair styles, headwear, glasses, clothes. */
export const GALLERY_LOOKS: GalleryPerson[] = [
  {
    label: 'Arthur, 86',
    expression: 'calm',
    look: {
      age: 86,
      skin: 'light',
      hair: { style: 'thinning', colour: 'white' },
      clothes: { style: 'cardigan', colour: '#7a5c3e' },
      glasses: true,
      build: 'slight',
    },
  },
  {
    label: 'Win, 90',
    expression: 'confused',
    look: {
      age: 90,
      skin: 'very-light',
      hair: { style: 'curly', colour: 'white' },
      clothes: { style: 'blouse', colour: '#8a5a7a' },
      glasses: true,
      build: 'slight',
    },
  },
  {
    label: 'Nadia, 38',
    expression: 'guarded',
    look: {
      age: 38,
      skin: 'medium',
      hair: { style: 'bun', colour: 'black' },
      headwear: 'hijab',
      clothes: { style: 'blazer', colour: '#34495e' },
    },
  },
  {
    label: 'Lorraine, 56',
    expression: 'smiling',
    look: {
      age: 56,
      skin: 'dark',
      hair: { style: 'braids', colour: 'grey' },
      clothes: { style: 'tunic', colour: '#2e4a62' },
    },
  },
  {
    label: 'Priya, 41',
    expression: 'worried',
    look: {
      age: 41,
      skin: 'brown',
      hair: { style: 'ponytail', colour: 'black' },
      clothes: { style: 'uniform', colour: '#3b5b8f' },
    },
  },
  {
    label: 'Jordan, 19',
    expression: 'relieved',
    look: {
      age: 19,
      skin: 'tan',
      hair: { style: 'afro', colour: 'dark-brown' },
      clothes: { style: 'hoodie', colour: '#c0603a' },
      build: 'slight',
    },
  },
  {
    label: 'Helen, 58',
    expression: 'tearful',
    look: {
      age: 58,
      skin: 'light',
      hair: { style: 'bob', colour: 'grey' },
      clothes: { style: 'coat', colour: '#2f5d50' },
      build: 'medium',
    },
  },
  {
    label: 'Tom, 45',
    expression: 'angry',
    look: {
      age: 45,
      skin: 'light',
      hair: { style: 'short', colour: 'ginger' },
      clothes: { style: 'shirt', colour: '#5a7d9a' },
      build: 'medium',
    },
  },
  {
    label: 'Harjit, 67',
    expression: 'upset',
    look: {
      age: 67,
      skin: 'tan',
      hair: { style: 'short', colour: 'grey' },
      headwear: 'turban',
      clothes: { style: 'suit', colour: '#3a3f4a' },
      glasses: true,
      build: 'broad',
    },
  },
  {
    label: 'Grace, 29',
    expression: 'calm',
    look: {
      age: 29,
      skin: 'very-light',
      hair: { style: 'long', colour: 'auburn' },
      clothes: { style: 'dress', colour: '#5a7a9a' },
    },
  },
  {
    label: 'Dennis, 81',
    expression: 'smiling',
    look: {
      age: 81,
      skin: 'dark',
      hair: { style: 'cropped', colour: 'grey' },
      headwear: 'cap',
      clothes: { style: 'jumper', colour: '#6b6b4f' },
      build: 'broad',
    },
  },
  {
    label: 'Amina, 72',
    expression: 'worried',
    look: {
      age: 72,
      skin: 'brown',
      hair: { style: 'long', colour: 'dark-brown' },
      headwear: 'headscarf',
      clothes: { style: 'cardigan', colour: '#a0453a' },
    },
  },
  {
    label: 'Sam, 33',
    expression: 'calm',
    look: {
      age: 33,
      skin: 'medium',
      hair: { style: 'bald', colour: 'black' },
      clothes: { style: 'jumper', colour: '#2f6f8f' },
      glasses: true,
      build: 'broad',
    },
  },
  {
    label: 'Beth, 24',
    expression: 'smiling',
    look: {
      age: 24,
      skin: 'light',
      hair: { style: 'cropped', colour: 'blonde' },
      clothes: { style: 'tunic', colour: '#6a4c8c' },
      build: 'medium',
    },
  },
  {
    label: 'Kwame, 50',
    expression: 'calm',
    look: {
      age: 50,
      skin: 'dark',
      hair: { style: 'short', colour: 'black' },
      clothes: { style: 'suit', colour: '#2b3548' },
      build: 'broad',
    },
  },
  // Faces drawn as a man or a woman, and facial hair (from 15 on; ?view=faces&look=N shows each
  // in every expression).
  {
    label: 'Gurpreet, 44',
    expression: 'smiling',
    look: {
      age: 44,
      skin: 'tan',
      hair: { style: 'long', colour: 'black' },
      headwear: 'turban',
      clothes: { style: 'uniform', colour: '#3b5b8f' },
      presents: 'man',
      facialHair: 'full-beard',
    },
  },
  {
    label: 'Kofi, 34',
    expression: 'worried',
    look: {
      age: 34,
      skin: 'dark',
      hair: { style: 'cropped', colour: 'black' },
      clothes: { style: 'uniform', colour: '#2f6f6a' },
      presents: 'man',
      facialHair: 'beard',
    },
  },
  {
    label: 'Dave, 63',
    expression: 'angry',
    look: {
      age: 63,
      skin: 'light',
      hair: { style: 'thinning', colour: 'grey' },
      clothes: { style: 'jumper', colour: '#4a5a3a' },
      presents: 'man',
      facialHair: 'moustache',
      build: 'broad',
    },
  },
  {
    label: 'Ravinder, 79',
    expression: 'tearful',
    look: {
      age: 79,
      skin: 'brown',
      hair: { style: 'long', colour: 'white' },
      headwear: 'turban',
      clothes: { style: 'cardigan', colour: '#6a5a4a' },
      presents: 'man',
      facialHair: 'full-beard',
      glasses: true,
      build: 'slight',
    },
  },
  {
    label: 'Marek, 27',
    expression: 'confused',
    look: {
      age: 27,
      skin: 'very-light',
      hair: { style: 'short', colour: 'blonde' },
      clothes: { style: 'uniform', colour: '#5a3f7a' },
      presents: 'man',
      facialHair: 'stubble',
    },
  },
  {
    label: 'Tariq, 52',
    expression: 'guarded',
    look: {
      age: 52,
      skin: 'medium',
      hair: { style: 'short', colour: 'dark-brown' },
      headwear: 'cap',
      clothes: { style: 'hoodie', colour: '#3f4f5f' },
      presents: 'man',
      facialHair: 'goatee',
    },
  },
  {
    label: 'Bill, 88',
    expression: 'relieved',
    look: {
      age: 88,
      skin: 'very-light',
      hair: { style: 'bald', colour: 'white' },
      clothes: { style: 'cardigan', colour: '#6b6b4f' },
      presents: 'man',
      facialHair: 'full-beard',
      glasses: true,
    },
  },
  {
    label: 'Mei, 33',
    expression: 'smiling',
    look: {
      age: 33,
      skin: 'light',
      hair: { style: 'bob', colour: 'black' },
      clothes: { style: 'uniform', colour: '#3b5b8f' },
      presents: 'woman',
    },
  },
  {
    label: 'Femi, 23',
    expression: 'calm',
    look: {
      age: 23,
      skin: 'brown',
      hair: { style: 'afro', colour: 'black' },
      clothes: { style: 'tunic', colour: '#2e4a62' },
      presents: 'man',
      facialHair: 'moustache',
    },
  },
  {
    label: 'Sean, 41',
    expression: 'upset',
    look: {
      age: 41,
      skin: 'very-light',
      hair: { style: 'short', colour: 'ginger' },
      clothes: { style: 'shirt', colour: '#5a7d9a' },
      presents: 'man',
      facialHair: 'beard',
    },
  },
];

/** Men for the facial hair grid: every skin tone, ages 19–88, hair from black to white, headwear. */
const BEARD_MEN: GalleryPerson[] = [
  {
    label: 'very-light, 19',
    expression: 'calm',
    look: {
      age: 19,
      skin: 'very-light',
      hair: { style: 'short', colour: 'ginger' },
      clothes: { style: 'hoodie', colour: '#3f5f7f' },
      presents: 'man',
    },
  },
  {
    label: 'dark, 34 · uniform',
    expression: 'calm',
    look: {
      age: 34,
      skin: 'dark',
      hair: { style: 'cropped', colour: 'black' },
      clothes: { style: 'uniform', colour: '#2f6f6a' },
      presents: 'man',
    },
  },
  {
    label: 'tan, 46 · turban',
    expression: 'calm',
    look: {
      age: 46,
      skin: 'tan',
      hair: { style: 'long', colour: 'black' },
      headwear: 'turban',
      clothes: { style: 'uniform', colour: '#3b5b8f' },
      presents: 'man',
    },
  },
  {
    label: 'light, 66 · thinning',
    expression: 'calm',
    look: {
      age: 66,
      skin: 'light',
      hair: { style: 'thinning', colour: 'grey' },
      clothes: { style: 'jumper', colour: '#4a5a3a' },
      presents: 'man',
      glasses: true,
    },
  },
  {
    label: 'medium, 28 · cap',
    expression: 'calm',
    look: {
      age: 28,
      skin: 'medium',
      hair: { style: 'short', colour: 'dark-brown' },
      headwear: 'cap',
      clothes: { style: 'shirt', colour: '#6a4c3c' },
      presents: 'man',
    },
  },
  {
    label: 'brown, 80 · turban',
    expression: 'calm',
    look: {
      age: 80,
      skin: 'brown',
      hair: { style: 'long', colour: 'white' },
      headwear: 'turban',
      clothes: { style: 'cardigan', colour: '#6a5a4a' },
      presents: 'man',
      glasses: true,
    },
  },
  {
    label: 'very-light, 88 · bald',
    expression: 'calm',
    look: {
      age: 88,
      skin: 'very-light',
      hair: { style: 'bald', colour: 'white' },
      clothes: { style: 'cardigan', colour: '#7a5c3e' },
      presents: 'man',
    },
  },
  {
    label: 'dark, 58 · cap',
    expression: 'calm',
    look: {
      age: 58,
      skin: 'dark',
      hair: { style: 'cropped', colour: 'grey' },
      headwear: 'cap',
      clothes: { style: 'jumper', colour: '#6b6b4f' },
      presents: 'man',
    },
  },
];

/** Looks for comparing presentations: each drawn unstated, as a woman and as a man. */
const PRESENT_LOOKS: GalleryPerson[] = [
  GALLERY_LOOKS[4]!,
  GALLERY_LOOKS[13]!,
  GALLERY_LOOKS[12]!,
  GALLERY_LOOKS[5]!,
  GALLERY_LOOKS[0]!,
  GALLERY_LOOKS[10]!,
  GALLERY_LOOKS[9]!,
  GALLERY_LOOKS[7]!,
  GALLERY_LOOKS[3]!,
  GALLERY_LOOKS[8]!,
];

const params = new URLSearchParams(window.location.search);
const view = params.get('view') ?? 'people';
const motion = params.get('motion') !== '0';
const figures: CharacterFigure[] = [];

const LABEL_STYLE: Phaser.Types.GameObjects.Text.TextStyle = {
  fontFamily: 'system-ui, sans-serif',
  fontSize: '22px',
  color: '#f4efe6',
  backgroundColor: '#22262bcc',
  padding: { x: 8, y: 3 },
};

class GalleryScene extends Phaser.Scene {
  constructor() {
    super('gallery');
  }

  create(): void {
    this.cameras.main.setBackgroundColor('#2b3036');
    if (view === 'rooms') this.rooms();
    else if (view === 'expressions') this.expressions(Number(params.get('look') ?? 0));
    else if (view === 'scene') this.roomScene((params.get('room') ?? 'lounge') as LocationKind);
    else if (view === 'single') this.single();
    else if (view === 'faces') this.faces(Number(params.get('look') ?? 0));
    else if (view === 'beards') this.beards(Number(params.get('page') ?? 0));
    else if (view === 'presents') this.presents(Number(params.get('page') ?? 0));
    else this.people(Number(params.get('page') ?? 0));
    for (const f of figures) f.setMotion(motion);
    // Figures are painted over a few frames (bakery.ts): ready once all are, and drawn.
    void Promise.all(figures.map((f) => f.ready))
      .then(() => Bakery.of(this).idle())
      .then(() => {
        wakeRoom(this.game);
        this.game.events.once(Phaser.Core.Events.POST_RENDER, () => {
          window.__artReady = true;
        });
      });
  }

  private label(x: number, y: number, text: string): void {
    this.add.text(x, y, text, LABEL_STYLE).setOrigin(0.5, 0);
  }

  private rooms(): void {
    // A grid as near square as fits every kind, each cell the shape of the screen.
    const cols = Math.ceil(Math.sqrt(LOCATION_KINDS.length));
    const rows = Math.ceil(LOCATION_KINDS.length / cols);
    const w = 1600 / cols;
    const h = 900 / rows;
    LOCATION_KINDS.forEach((kind, i) => {
      const x = (i % cols) * w;
      const y = Math.floor(i / cols) * h;
      drawRoom(this, kind, w - 6, h - 6).setPosition(x + 3, y + 3);
      this.label(x + w / 2, y + 8, kind);
    });
  }

  private people(page: number): void {
    // ?looks=[{look, expression, label}, ...] (URL-encoded JSON) shows any looks instead.
    const custom = params.get('looks');
    const list = custom
      ? (JSON.parse(custom) as GalleryPerson[])
      : GALLERY_LOOKS.slice(page * 10, page * 10 + 10);
    const cols = 5;
    const cw = 1600 / cols;
    const rowH = 450;
    list.forEach((person, i) => {
      const cx = (i % cols) * cw + cw / 2;
      const bottom = Math.floor(i / cols) * rowH + rowH - 34;
      const fig = new CharacterFigure(this, cx, bottom, {
        look: person.look,
        height: 400,
        ...(person.facing ? { facing: person.facing } : {}),
        seated: person.seated ?? false,
      });
      fig.setExpression(person.expression, false);
      if (person.speaking) fig.setSpeaking(true);
      figures.push(fig);
      this.label(cx, bottom + 2, `${person.label} · ${person.expression}`);
    });
  }

  private expressions(n: number): void {
    const person = GALLERY_LOOKS[n] ?? GALLERY_LOOKS[0]!;
    const cols = 5;
    const cw = 1600 / cols;
    const rowH = 450;
    EXPRESSION_NAMES.forEach((expression, i) => {
      const cx = (i % cols) * cw + cw / 2;
      const bottom = Math.floor(i / cols) * rowH + rowH - 34;
      const fig = new CharacterFigure(this, cx, bottom, { look: person.look, height: 400 });
      fig.setExpression(expression, false);
      figures.push(fig);
      this.label(cx, bottom + 2, expression);
    });
    this.label(1600 - cw / 2, 900 - 240, person.label);
  }

  /**
   * Close-ups of one character's face in every expression: each figure sits far apart in the
   * world and gets its own camera, so big faces can share one screen. ?view=faces&look=N
   */
  private faces(n: number): void {
    const person = GALLERY_LOOKS[n] ?? GALLERY_LOOKS[0]!;
    const height = Number(params.get('height') ?? 1000);
    const cols = 5;
    const cw = 1600 / cols;
    const ch = 450;
    this.cameras.main.setVisible(false);
    EXPRESSION_NAMES.forEach((expression, i) => {
      const wx = 4000 + i * 3000;
      const fig = new CharacterFigure(this, wx, 3000, { look: person.look, height });
      fig.setExpression(expression, false);
      figures.push(fig);
      const cam = this.cameras.add((i % cols) * cw + 2, Math.floor(i / cols) * ch + 2, cw - 4, ch - 4);
      cam.setBackgroundColor('#3a4048');
      cam.centerOn(wx, 3000 + fig.spec.headY + fig.spec.b * 0.6);
      const label = this.add
        .text(wx, 3000 + fig.spec.headY - fig.spec.b * 1.55, expression, LABEL_STYLE)
        .setOrigin(0.5, 0);
      label.setFontSize(26);
    });
  }

  /**
   * A grid of head-and-shoulders close-ups, each cell its own camera on a figure placed far away
   * in the world (as in faces). `top` labels the cell above the head, `bottom` below it.
   */
  private closeUps(
    cells: { person: GalleryPerson; expression: string; top: string; bottom?: string }[],
    cols: number,
    rows: number,
    height: number,
    centre: number,
  ): void {
    const cw = 1600 / cols;
    const ch = 900 / rows;
    const facingParam = params.get('facing');
    const facing = facingParam === 'left' || facingParam === 'right' ? facingParam : undefined;
    this.cameras.main.setVisible(false);
    cells.forEach((cell, i) => {
      const wx = 4000 + i * 3000;
      const fig = new CharacterFigure(this, wx, 3000, {
        look: cell.person.look,
        height,
        ...(facing ? { facing } : {}),
      });
      fig.setExpression(cell.expression, false);
      figures.push(fig);
      const cam = this.cameras.add((i % cols) * cw + 1, Math.floor(i / cols) * ch + 1, cw - 2, ch - 2);
      cam.setBackgroundColor('#3a4048');
      const cy = 3000 + fig.spec.headY + fig.spec.b * centre;
      cam.centerOn(wx, cy);
      // Labels in the cell's corners, clear of the face.
      const style = { ...LABEL_STYLE, fontSize: '14px', padding: { x: 4, y: 1 } };
      this.add.text(wx - cw / 2 + 4, cy - ch / 2 + 3, cell.top, style).setOrigin(0, 0);
      if (cell.bottom) this.add.text(wx - cw / 2 + 4, cy + ch / 2 - 3, cell.bottom, style).setOrigin(0, 1);
    });
  }

  /** Every facial hair style (columns) on four men per page (rows). ?view=beards&page=1&expr=all */
  private beards(page: number): void {
    const men = BEARD_MEN.slice(page * 4, page * 4 + 4);
    const expr = params.get('expr') ?? 'calm';
    const cells = men.flatMap((man, r) =>
      FACIAL_HAIR.map((facialHair, c) => {
        const expression =
          expr === 'all' ? EXPRESSION_NAMES[(r * FACIAL_HAIR.length + c) % EXPRESSION_NAMES.length]! : expr;
        return {
          person: { ...man, look: { ...man.look, facialHair } },
          expression,
          top: expr === 'all' ? `${facialHair} · ${expression}` : facialHair,
          bottom: man.label,
        };
      }),
    );
    this.closeUps(cells, FACIAL_HAIR.length, men.length, Number(params.get('height') ?? 380), 0);
  }

  /** The same looks drawn unstated, as a woman and as a man (rows). ?view=presents&page=1 */
  private presents(page: number): void {
    const looks = PRESENT_LOOKS.slice(page * 5, page * 5 + 5);
    // Unstated first: the drawing every existing character has.
    const order = ['unstated', ...PRESENTATIONS.filter((x) => x !== 'unstated')] as const;
    const cells = order.flatMap((presents) =>
      looks.map((person) => ({
        person: { ...person, look: { ...person.look, presents } },
        expression: params.get('expr') ?? person.expression,
        top: `${person.label} · ${presents}`,
      })),
    );
    this.closeUps(cells, looks.length, PRESENTATIONS.length, Number(params.get('height') ?? 560), 0.55);
  }

  /** One big figure, for close checks: ?view=single&look=N&expr=angry&height=800 */
  private single(): void {
    const person = GALLERY_LOOKS[Number(params.get('look') ?? 0)] ?? GALLERY_LOOKS[0]!;
    const height = Number(params.get('height') ?? 820);
    const fig = new CharacterFigure(this, 800, 880, { look: person.look, height });
    fig.setExpression(params.get('expr') ?? person.expression, false);
    if (params.get('speaking') === '1') fig.setSpeaking(true);
    figures.push(fig);
  }

  private roomScene(room: LocationKind): void {
    const kind = (LOCATION_KINDS as readonly string[]).includes(room) ? room : 'lounge';
    drawRoom(this, kind, 1600, 900);
    if (params.get('people') === '0') return this.panel();
    const stand = Number(params.get('stand') ?? 0);
    if (stand >= 1) {
      // As RoomStage places people in play: the same slots, heights and facing.
      const count = Math.min(5, stand);
      const from = Number(params.get('from') ?? 0);
      SLOTS[count]!.forEach((x, i) => {
        const person = GALLERY_LOOKS[(from + i) % GALLERY_LOOKS.length]!;
        const facing = Math.abs(x - 800) < 40 ? undefined : x < 800 ? 'right' : 'left';
        const fig = new CharacterFigure(this, x, 880, {
          look: person.look,
          height: figureHeight(count),
          ...(facing ? { facing } : {}),
        });
        fig.setExpression(person.expression, false);
        if (i === 0) fig.setSpeaking(true);
        figures.push(fig);
      });
      this.panel();
      return;
    }
    const a = GALLERY_LOOKS[Number(params.get('a') ?? 6)] ?? GALLERY_LOOKS[6]!;
    const b = GALLERY_LOOKS[Number(params.get('b') ?? 1)] ?? GALLERY_LOOKS[1]!;
    // A visitor standing on the left, a resident sitting (lower, a little smaller) on the right.
    const standing = new CharacterFigure(this, 520, 900, { look: a.look, height: 580, facing: 'right' });
    const seated = new CharacterFigure(this, 1090, 880, {
      look: b.look,
      height: 520,
      facing: 'left',
      seated: true,
    });
    standing.setExpression(params.get('ea') ?? 'worried', false);
    seated.setExpression(params.get('eb') ?? 'smiling', false);
    standing.setSpeaking(true);
    figures.push(standing, seated);
    this.panel();
  }

  /** With &panel=1, the dialogue panel's likely footprint, to judge what stays visible. */
  private panel(): void {
    if (params.get('panel') !== '1') return;
    const g = this.add.graphics();
    g.fillStyle(0x101418, 0.82);
    g.fillRoundedRect(40, 900 * 0.65, 1520, 900 * 0.35 - 24, 16);
  }
}

const rendererParam = params.get('renderer');
const game = new Phaser.Game({
  type: rendererParam === 'auto' ? Phaser.AUTO : rendererParam === 'webgl' ? Phaser.WEBGL : Phaser.CANVAS,
  parent: 'stage',
  backgroundColor: '#2b3036',
  scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH, width: 1600, height: 900 },
  banner: false,
  audio: { noAudio: true },
  scene: [GalleryScene],
});
window.__art = { game, figures };

if (import.meta.hot) import.meta.hot.dispose(() => game.destroy(true));
