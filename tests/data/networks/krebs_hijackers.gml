graph [
  name "9/11 hijackers and associates (Krebs 2002)"
  node [
    id 0
    label "Majed Moqed"
  ]
  node [
    id 1
    label "Khalid Al Mihdhar"
  ]
  node [
    id 2
    label "Hani Hanjour"
  ]
  node [
    id 3
    label "Nawaf Alhazmi"
  ]
  node [
    id 4
    label "Salem Alhazmi"
  ]
  node [
    id 5
    label "Ahmed Alnami"
  ]
  node [
    id 6
    label "Ahmed Alghamdi"
  ]
  node [
    id 7
    label "Saeed Alghamdi"
  ]
  node [
    id 8
    label "Hamza Alghamdi"
  ]
  node [
    id 9
    label "Ahmed Al Haznawi"
  ]
  node [
    id 10
    label "Mohand Alshehri"
  ]
  node [
    id 11
    label "Fayez Ahmed"
  ]
  node [
    id 12
    label "Ziad Jarrah"
  ]
  node [
    id 13
    label "Marwan Al Shehhi"
  ]
  node [
    id 14
    label "Mohamed Atta"
  ]
  node [
    id 15
    label "Abdul Aziz Al Omari"
  ]
  node [
    id 16
    label "Waleed Alshehri"
  ]
  node [
    id 17
    label "Wail Alshehri"
  ]
  node [
    id 18
    label "Satam Suqami"
  ]
  node [
    id 19
    label "Raed Hijazi"
  ]
  node [
    id 20
    label "Nabil al Marabh"
  ]
  node [
    id 21
    label "Mustafa Ahamend al Hisawi"
  ]
  node [
    id 22
    label "Mamoun Darkazanli"
  ]
  node [
    id 23
    label "Zakariya Essabar"
  ]
  node [
    id 24
    label "Said Bahaji"
  ]
  node [
    id 25
    label "Mounir El Motassadeq"
  ]
  node [
    id 26
    label "Zacarias Moussaoui"
  ]
  node [
    id 27
    label "Ramzi Bin al Shibh"
  ]
  node [
    id 28
    label "Agus Budiman"
  ]
  node [
    id 29
    label "Ahed Khalil Ibrahim Samir Al Ani"
  ]
  node [
    id 30
    label "Lofti Raissi"
  ]
  node [
    id 31
    label "Rayed Mohammed Abdullah"
  ]
  node [
    id 32
    label "Bandar Alhazmi"
  ]
  node [
    id 33
    label "Faisal Al Salmi"
  ]
  node [
    id 34
    label "Osama Awadallah"
  ]
  node [
    id 35
    label "Abdussattar Shaikh"
  ]
  node [
    id 36
    label "Mohamed Abdi"
  ]
  node [
    id 37
    label "Mohamed Belfas"
  ]
  node [
    id 38
    label "Imad Eddin Baraat Yarkas"
  ]
  node [
    id 39
    label "Tarek Maaroufi"
  ]
  node [
    id 40
    label "Abu Qatada"
  ]
  node [
    id 41
    label "Djamal Benghal"
  ]
  node [
    id 42
    label "Jerome Courtaillier"
  ]
  node [
    id 43
    label "David Courtaillier"
  ]
  node [
    id 44
    label "Ahmen Ressam"
  ]
  node [
    id 45
    label "Abu Walid"
  ]
  node [
    id 46
    label "Jean Marc Grandvisir"
  ]
  node [
    id 47
    label "Abu Zubeida"
  ]
  node [
    id 48
    label "Nizar Trabelsi"
  ]
  node [
    id 49
    label "Haydar Abu Doha"
  ]
  node [
    id 50
    label "Mehdi Khammoun"
  ]
  node [
    id 51
    label "Mohammed Bensakhria"
  ]
  node [
    id 52
    label "Lased Ben Heni"
  ]
  node [
    id 53
    label "Essid Sami Ben Khemail"
  ]
  node [
    id 54
    label "Seifallah ben Hassine"
  ]
  node [
    id 55
    label "Essoussi Laaroussi"
  ]
  node [
    id 56
    label "Fahid al Shakri"
  ]
  node [
    id 57
    label "Madjid Sahoune"
  ]
  node [
    id 58
    label "Samir Kishk"
  ]
  node [
    id 59
    label "Kamel Daoudi"
  ]
  edge [
    source 0
    target 2
  ]
  edge [
    source 1
    target 2
  ]
  edge [
    source 1
    target 3
  ]
  edge [
    source 1
    target 34
  ]
  edge [
    source 1
    target 35
  ]
  edge [
    source 2
    target 3
  ]
  edge [
    source 2
    target 30
  ]
  edge [
    source 2
    target 31
  ]
  edge [
    source 2
    target 32
  ]
  edge [
    source 2
    target 33
  ]
  edge [
    source 3
    target 4
  ]
  edge [
    source 3
    target 5
  ]
  edge [
    source 3
    target 7
  ]
  edge [
    source 3
    target 8
  ]
  edge [
    source 3
    target 34
  ]
  edge [
    source 3
    target 35
  ]
  edge [
    source 3
    target 36
  ]
  edge [
    source 5
    target 7
  ]
  edge [
    source 5
    target 8
  ]
  edge [
    source 6
    target 8
  ]
  edge [
    source 6
    target 20
  ]
  edge [
    source 7
    target 8
  ]
  edge [
    source 7
    target 9
  ]
  edge [
    source 7
    target 19
  ]
  edge [
    source 7
    target 20
  ]
  edge [
    source 8
    target 9
  ]
  edge [
    source 8
    target 10
  ]
  edge [
    source 9
    target 12
  ]
  edge [
    source 10
    target 11
  ]
  edge [
    source 11
    target 13
  ]
  edge [
    source 11
    target 21
  ]
  edge [
    source 12
    target 13
  ]
  edge [
    source 12
    target 14
  ]
  edge [
    source 12
    target 23
  ]
  edge [
    source 12
    target 24
  ]
  edge [
    source 12
    target 27
  ]
  edge [
    source 12
    target 28
  ]
  edge [
    source 12
    target 30
  ]
  edge [
    source 13
    target 14
  ]
  edge [
    source 13
    target 15
  ]
  edge [
    source 13
    target 21
  ]
  edge [
    source 13
    target 22
  ]
  edge [
    source 13
    target 23
  ]
  edge [
    source 13
    target 24
  ]
  edge [
    source 13
    target 25
  ]
  edge [
    source 13
    target 27
  ]
  edge [
    source 13
    target 28
  ]
  edge [
    source 13
    target 30
  ]
  edge [
    source 14
    target 15
  ]
  edge [
    source 14
    target 21
  ]
  edge [
    source 14
    target 22
  ]
  edge [
    source 14
    target 23
  ]
  edge [
    source 14
    target 24
  ]
  edge [
    source 14
    target 25
  ]
  edge [
    source 14
    target 26
  ]
  edge [
    source 14
    target 27
  ]
  edge [
    source 14
    target 28
  ]
  edge [
    source 14
    target 29
  ]
  edge [
    source 14
    target 30
  ]
  edge [
    source 14
    target 38
  ]
  edge [
    source 14
    target 53
  ]
  edge [
    source 15
    target 16
  ]
  edge [
    source 16
    target 17
  ]
  edge [
    source 16
    target 18
  ]
  edge [
    source 16
    target 21
  ]
  edge [
    source 17
    target 18
  ]
  edge [
    source 18
    target 19
  ]
  edge [
    source 18
    target 20
  ]
  edge [
    source 19
    target 20
  ]
  edge [
    source 22
    target 24
  ]
  edge [
    source 23
    target 24
  ]
  edge [
    source 23
    target 27
  ]
  edge [
    source 24
    target 25
  ]
  edge [
    source 24
    target 27
  ]
  edge [
    source 25
    target 27
  ]
  edge [
    source 26
    target 27
  ]
  edge [
    source 26
    target 40
  ]
  edge [
    source 26
    target 41
  ]
  edge [
    source 26
    target 42
  ]
  edge [
    source 26
    target 43
  ]
  edge [
    source 26
    target 44
  ]
  edge [
    source 26
    target 59
  ]
  edge [
    source 27
    target 28
  ]
  edge [
    source 27
    target 38
  ]
  edge [
    source 28
    target 37
  ]
  edge [
    source 29
    target 37
  ]
  edge [
    source 30
    target 31
  ]
  edge [
    source 31
    target 31
  ]
  edge [
    source 31
    target 32
  ]
  edge [
    source 31
    target 33
  ]
  edge [
    source 34
    target 35
  ]
  edge [
    source 38
    target 39
  ]
  edge [
    source 38
    target 40
  ]
  edge [
    source 39
    target 40
  ]
  edge [
    source 39
    target 51
  ]
  edge [
    source 39
    target 53
  ]
  edge [
    source 39
    target 54
  ]
  edge [
    source 39
    target 55
  ]
  edge [
    source 40
    target 41
  ]
  edge [
    source 40
    target 45
  ]
  edge [
    source 40
    target 59
  ]
  edge [
    source 41
    target 42
  ]
  edge [
    source 41
    target 43
  ]
  edge [
    source 41
    target 45
  ]
  edge [
    source 41
    target 46
  ]
  edge [
    source 41
    target 47
  ]
  edge [
    source 41
    target 48
  ]
  edge [
    source 41
    target 59
  ]
  edge [
    source 42
    target 43
  ]
  edge [
    source 42
    target 59
  ]
  edge [
    source 43
    target 59
  ]
  edge [
    source 44
    target 49
  ]
  edge [
    source 45
    target 59
  ]
  edge [
    source 49
    target 50
  ]
  edge [
    source 49
    target 53
  ]
  edge [
    source 49
    target 57
  ]
  edge [
    source 50
    target 51
  ]
  edge [
    source 50
    target 53
  ]
  edge [
    source 51
    target 52
  ]
  edge [
    source 51
    target 53
  ]
  edge [
    source 52
    target 53
  ]
  edge [
    source 53
    target 54
  ]
  edge [
    source 53
    target 55
  ]
  edge [
    source 53
    target 56
  ]
  edge [
    source 53
    target 57
  ]
  edge [
    source 53
    target 58
  ]
]
