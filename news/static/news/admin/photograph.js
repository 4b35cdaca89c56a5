// The body editor's photograph: a figure that names an image of the library by its number.
// The editor shows the library's thumbnail; the page draws the picture, its alt text and its
// caption from the library in the language shown, so the body never holds an image address.
// Choosing opens the library in the admin's own lookup window (as a raw-id field does).
import { Node, crel } from "django-prose-editor/editor"

let choices = 0

function chooseFromLibrary(url, onChosen) {
  // The admin's lookup window hands the chosen number to the element named after it.
  const input = crel("input", { type: "hidden", id: `photograph-choice-${++choices}` })
  document.body.append(input)
  window.django.jQuery(input).on("change", () => {
    if (/^\d+$/.test(input.value)) onChosen(input.value)
    input.remove()
  })
  const address = new URL(url, window.location.href)
  address.searchParams.set("_popup", "1")
  address.searchParams.set("_to_field", "id")
  window.open(address, `${input.id}__1`, "height=600,width=900,resizable=yes,scrollbars=yes")
}

export const Photograph = Node.create({
  name: "photograph",
  group: "block",
  atom: true,
  draggable: true,
  selectable: true,

  addOptions() {
    return { libraryUrl: "", thumbnailUrl: "", labels: {} }
  },

  addAttributes() {
    return {
      image: {
        default: null,
        parseHTML: (element) => element.getAttribute("data-image"),
        renderHTML: (attributes) => ({ "data-image": attributes.image }),
      },
    }
  },

  parseHTML() {
    return [{ tag: "figure[data-image]" }]
  },

  renderHTML({ HTMLAttributes }) {
    return ["figure", HTMLAttributes]
  },

  addNodeView() {
    return ({ node }) => {
      const number = node.attrs.image
      const label = (this.options.labels.photograph || "%(number)s").replace("%(number)s", number)
      const dom = crel("figure", { className: "photograph-node", "data-image": number }, [
        crel("img", {
          src: this.options.thumbnailUrl.replace("__number__", number),
          alt: "",
          width: 200,
          height: 200,
        }),
        crel("figcaption", { textContent: label }),
      ])
      return { dom }
    }
  },

  addCommands() {
    return {
      insertPhotograph:
        (number) =>
        ({ commands }) =>
          commands.insertContent({ type: this.name, attrs: { image: String(number) } }),
    }
  },

  addMenuItems({ menu, buttons }) {
    menu.defineItem({
      name: "photograph",
      groups: "nodes",
      command: (editor) =>
        chooseFromLibrary(this.options.libraryUrl, (number) =>
          editor.chain().focus().insertPhotograph(number).run(),
        ),
      button: buttons.material("image", this.options.labels.insert || ""),
      active: (editor) => editor.isActive(this.name),
    })
  },
})
